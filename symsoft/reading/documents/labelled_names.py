"""Names with a layer's label in brackets and no index, as Andrew Ng's course writes one
example: ``a^{[2]}``, ``z^{[1]}``, and the d-names ``dz^{[2]}``, ``da^{[2]}``; and with a digit
in parentheses, ``z^{(3)}`` (a worked example's units, numbered).  A label in brackets or
parentheses is never a power, so each such name is a name of its own: ``a^{[2]}`` is spelled as
the word ``a_2`` (the letter, the mark of a word, the label), which no other name of the text
is (``a``, ``a^{[1]}`` and ``a_2`` stay three names: the reader relates none of them to
another, so a step that needs the relation is not checked, never judged under a guess).

Only lower-case letters that are no function's (``g^{[1]}(z)``, ``f^{(2)}(x)``) and no
constant's (e):
a capital is the matrix of a batch or of a layer's weights (``W^{[2]}``, ``A^{[1]}``), whose
products a name of one number would commute.  Not when the text writes the same letter with
the same label and an index (``a^{[2]}_j``: the name is a vector whose entries the text uses;
layer_superscripts.py reads those), nor a name transposed or with an example's label inside
the braces (``a^{[1]T}``, ``a^{[2](i)}``: left as written, not read).  The rewrite keeps the
text's length: columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.layers import _math_spans
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.documents.word_names import SPELLED_AS, WORD_MARK
from symsoft.reading.lazy_regex import lazy

_LABEL = r"\^\s*\{\s*(?:\[\s*(?P<label>[0-9]|[Ll])\s*\]|\(\s*(?P<paren>[0-9])\s*\))\s*\}"
# a^{[2]}, dz^{[2]} (a d-name: the d stays), not a_j^{[2]} (an entry), \alpha^{[2]}, g^{[1]}
_UNINDEXED = lazy(r"(?<![\\A-Za-z_^])(?<!_\s)(?P<d>d(?=[a-z]\s*\^))?(?P<name>[a-df-z])\s*" + _LABEL)
_INDEX = r"_\s*(?:\{[^{}]*\}|[A-Za-z0-9])"


def _labelled(label: str) -> str:
    """``^{[label]}`` (``^{(label)}`` for a label ``p1``, in parentheses) as a pattern."""
    if label.startswith("p"):
        return rf"\^\s*\{{\s*\(\s*{label[1:]}\s*\)\s*\}}"
    return rf"\^\s*\{{\s*\[\s*{label}\s*\]\s*\}}"


def _label(match: re.Match[str]) -> str:
    """The label of a match: ``2`` for ``^{[2]}``, ``p2`` for ``^{(2)}`` (two names)."""
    return match["label"] or "p" + match["paren"]


def _indexed(letter: str, label: str, everything: str) -> bool:
    """Whether the text writes ``letter`` with ``label`` and an index, before or after it."""
    label_text = _labelled(label)
    return bool(
        re.search(rf"(?<![\\A-Za-z]){letter}\s*{label_text}\s*{_INDEX}", everything)
        or re.search(rf"(?<![\\A-Za-z]){letter}\s*{_INDEX}\s*{label_text}", everything)
    )


def _written(letter: str, label: str, original: str) -> bool:
    """Whether the text as written has ``letter`` with ``label`` alone (not a d-name's)."""
    return bool(re.search(rf"(?<![\\A-Za-z_^]){letter}\s*{_labelled(label)}", original))


def spell_labelled_names(text: Text, displays: list[Display]) -> None:
    """Each lower-case name with a label in brackets and no index, in every display and
    ``$…$``, spelled as a word of its own (``a^{[2]}`` as ``a_2``); messages show it as the
    text writes it."""
    everything = text.slice(0, len(text.chars))
    if "[" not in everything and "(" not in everything:
        return
    spelled: dict[str, str] = {}
    found = [
        match
        for span in _math_spans(text, displays)
        for match in _UNINDEXED.finditer(everything, span.start, span.end)
        # a^{[2]}_j: an entry (layer_superscripts.py's); g^{[1]}', g^{[1]}(z): a function, and
        # so y^{(2)}(0) (a derivative's order)
        if not re.match(r"\s*(?:_|')", everything[match.end() : span.end])
        and not (
            (match["name"] in "fgh" or match["paren"])
            and re.match(r"\s*\(", everything[match.end() :])
        )
    ]
    left = {(m["name"], _label(m)) for m in found if not m["d"]}
    for match in found:
        letter, label = match["name"], _label(match)
        if _indexed(letter, label, text.original):  # (as written: a^{[2]}_j may be spelled)
            continue
        word = letter + WORD_MARK + label
        if (letter, label) not in left and _written(letter, label, text.original):
            word = letter  # layer_superscripts.py read a^{[2]} as a (one label, every use)
        start, end = match.start("name"), match.end()
        text.chars[start:end] = list(word.ljust(end - start))
        if word != letter:
            shown = f"({label[1:]})" if label.startswith("p") else f"[{label}]"
            spelled[f"{letter}_{label}"] = f"{letter}^{{{shown}}}"
    if spelled:  # messages show each name as the text writes it
        SPELLED_AS.set({**(SPELLED_AS.get() or {}), **spelled})


__all__ = ["spell_labelled_names"]
