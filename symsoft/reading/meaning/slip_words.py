"""A formula a sentence gives only to disown it ("It is tempting to write $q_i = s_i^{1/T}$, but
this forgets the normaliser", "a common mistake is $…$"): no definition of its name."""

from __future__ import annotations

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.lazy_regex import lazy

_SLIP = lazy(rf"(?i)\b(?:{SLIP_STEMS}|tempt\w*|forget\w*|forgot\w*|pitfalls?)\b")
_SENTENCE_END = lazy(r"[.!?](?=\s)|\n[ \t]*\n")
_MATH = lazy(r"\$[^$]*\$")


def disowned_in_sentence(prose: str, start: int, end: int) -> bool:
    """Whether the sentence around ``prose[start:end]`` (a formula) calls it a slip, a temptation
    or a mistake, in its words (the formulas of the sentence left out).

    >>> text = "Let $q = 1$. It is tempting to write $q_i = s_i$, but this forgets Z. Then $r = 2$."
    >>> disowned_in_sentence(text, text.index("$q_i"), text.index("but"))
    True
    >>> disowned_in_sentence(text, text.index("$r"), len(text))
    False
    """
    before = [m.end() for m in _SENTENCE_END.finditer(prose, max(0, start - 400), start)]
    after = _SENTENCE_END.search(prose, end, end + 400)
    sentence = prose[
        before[-1] if before else max(0, start - 400) : after.start() if after else end + 400
    ]
    return _SLIP.search(_MATH.sub(" ", sentence)) is not None
