"""A formula a sentence gives only to disown it ("It is tempting to write $q_i = s_i^{1/T}$, but
this forgets the normaliser", "a common mistake is $…$"): no definition of its name; and a
display the words around it quote as a slip (:func:`quoted_slip`): its flag says the text agrees."""

from __future__ import annotations

import re

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import sentences

_SLIP = lazy(rf"(?i)\b(?:{SLIP_STEMS}|tempt\w*|forget\w*|forgot\w*|pitfalls?)\b")
# (a list item ends its sentence too: slide bullets have no full stops)
_SENTENCE_END = lazy(r"[.!?](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d+[.)]|\\item)\s)")
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


# words leading into a display that quote it as somebody's slip or a supposition to refute ("A
# common mistake is to write", "It is tempting to write", "My first attempt gave", "The wrong
# version (do not use):", "Treating the normaliser as a constant, one would get", "Suppose for
# contradiction that") — never beside words that make it the fix ("Correcting the mistake, we get")
_QUOTING = lazy(
    r"(?i)\b(?!(?:wrong|incorrect)\s+(?:class|label|categor|logit|token|output|answer|predict))"
    r"(?:" + SLIP_STEMS + r"|tempt\w*|na[iï]ve\w*|(?:first|initial|earlier)\s+attempt\w*"
    r"|do\s+not\s+use|don't\s+use|one\s+would|would\s+(?:get|give|write|obtain|conclude)"
    r"|for\s+(?:the\s+sake\s+of\s+)?contradiction)\b"
)
_FIXING = lazy(r"(?i)\b(?:correct\w*|fix\w*|right|proper\w*|repair\w*|instead\s+of)\b")
# the words right after it that disown it ("which is wrong", "but the sign is backwards")
_DISOWNING = lazy(
    r"(?i)^[\s,;:.\-—–]*(?:which|but|and|that|this|—|–|-)\b[^.!?]*?\b(?:"
    + SLIP_STEMS
    + r"|backwards?|flip\w*|false|bogus|not\s+(?:right|correct|true))\b"
)


def quoted_slip(lead: str, after: str) -> str:
    """Why a display is no claim of the text: the clause that leads into it quotes it as a slip
    or a supposition, or the words right after it disown it; "" when neither."""
    said = [s for s in sentences(lead.strip()) if s.strip()]
    last = _MATH.sub(" ", said[-1] if said else "").strip()
    if last and last[-1] not in ".!?" and _QUOTING.search(last) and not _FIXING.search(last):
        words = " ".join(last.split())[-80:]
        return f"the words before it give it as a slip: '{words}'"
    tail = _MATH.sub(" ", after)
    if (disowned := _DISOWNING.search(tail)) is not None and not _FIXING.search(disowned.group()):
        return f"the words after it disown it: '{' '.join(disowned.group().split())[-80:]}'"
    return ""


def supposed(lead: str) -> bool:
    """Whether the clause that leads into a display supposes what is not the case ("If the sum
    of the $t_j$ were $2$ we would get", "Had we kept the bias, we would get"): its step is
    worked under that supposition, which is no slip and is not read."""
    said = [s for s in sentences(lead.strip()) if s.strip()]
    return bool(said) and _COUNTERFACTUAL.search(_MATH.sub(" ", said[-1])) is not None


_COUNTERFACTUAL = lazy(
    r"(?i)\bif\b[^.!?]{0,80}\b(?:were|was|had)\b|\bhad\s+(?:we|I|you|they|it)\b"
    r"|\bwere\s+(?:we|the|it|they)\b|\bimagine\b"
)


def worked_under_supposition(lead: str) -> str:
    """The words of the last two sentences before a display that suppose what is not the case
    in other ways than a quoted slip ("Suppose for a moment that the targets summed to $2$.
    Then", "Without the factor $\\frac{1}{m}$ the gradient would be", "Wäre die Summe …",
    "Si la somme … valait $2$, on obtiendrait"): its step holds or fails under that supposition,
    which is not read; "" when they suppose nothing counterfactual."""
    said = [s for s in sentences(lead.strip()) if s.strip()][-3:]  # (an "i.e." splits one)
    words = _MATH.sub(" ", " ".join(said))
    said_all = list(_SUPPOSING.finditer(words))
    if not said_all:
        return ""
    found = said_all[-1]  # (the last supposition said)
    tail = words[found.end() :]
    went_on = re.split(r"[.!?](?=\s)|;", tail)
    if len(went_on) > 1 and len(went_on[-1].split()) > 4 or ";" in tail:
        return ""  # "If $y$ were one-hot we could simplify; for counts it stays as is."
    return " ".join(found.group().split())[:80]


# a supposition of what is not the case: the conditional mood, "for a moment", "pretend", the
# subjunctive of German, French, Spanish, Italian, Portuguese (a hypothesis stated in the
# indicative, "Suppose $y$ is one-hot", is no such word: it is read)
_SUPPOSING = lazy(
    r"(?i)\bsuppose\s+for\s+(?:a|the)\s+moment\b|\bpretend\b|\bhypothetically\b"
    r"|\b(?:if|supposing)\b[^.!?]{0,80}\bwere\b(?!\s+to\b)[^.!?]{0,80}\b(?:would|we'd)\b"
    r"|\bif\b[^.!?]{0,80}\bhad\s+(?:been|not|kept|used|divided|dropped|left)\b"
    r"|\bif\b[^.!?]{0,80}\bhad\b[^.!?]{0,60}\b(?:would|we'd)\b|\bcontrary\s+to\s+fact\b"
    r"|\bfor\s+the\s+sake\s+of\s+(?:the\s+)?argument\b"
    r"|\b(?:valesse|gdyby|olsaydı|seandainya)\b"
    r"|\bhad\s+(?:we|I|you|they)\b|\bwere\s+(?:we|the|it|they)\b(?!\s+to\b)"
    r"|\bsuppos(?:e|ing)\b[^.!?]{0,80}\b(?:were|summed|had|was)\b"
    r"|\bwithout\b[^.!?]{0,80}\bwould\b|\bwould\s+have\s+been\b"
    r"|\b(?:wäre|waere|hätten?|haetten?)\b|\bесли\s+бы\b|\bals\b[^.!?]{0,80}\bzou(?:den)?\b"
    r"|\bsi\b[^.!?]{0,80}\b(?:valait|était|avait)\b|\b(?:serait|obtiendrait|aurions|obtiendrions)\b"
    r"|\b(?:fuera|fuese|sería|obtendríamos|tendríamos)\b"
    r"|\b(?:fosse|sarebbe|otterremmo|seria|obteríamos|teríamos)\b"
)
