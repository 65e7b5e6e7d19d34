"""A derivative set equal to a value in a sentence of another script whatever its words
(``두 경우를 통합하면 $…$``): claims whose flags are withheld."""

from __future__ import annotations

import re

from symsoft.reading.documents.sentence_leads import last_clause
from symsoft.reading.documents.sentences import (
    _IMPLIES,
    _INLINE_MATH,
    _SENTENCE_END_MARK,
    _guarded,
    claims_derivative,
)
from symsoft.reading.lazy_regex import lazy

_OTHER_SCRIPT = lazy(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def said_loosely(line: str) -> list[re.Match[str]]:
    """The ``$…$`` of a sentence that set a derivative equal to a value, whatever the words
    around them (``두 경우를 통합하면 $\\frac{\\partial s_i}{\\partial x_j} = …$.``), unless
    they make it a case, a supposition, a wish or a slip: claims whose flags are withheld
    (see unsure.withheld_in_sentences), since the words are not read.  Only in a line of
    another script (Cyrillic, kana, CJK, Hangul), whose words the English and the listed
    leads ("so", "we get", "所以", "となる") read too seldom; never in a table row.  (Not in
    English: "For the loss $\\frac{1}{2}\\sum_k (p_k - y_k)^2$ the gradient is $…$" held under
    the text's own loss, and a claim by $s_k$ made s a variable of every other step.)"""
    found: list[re.Match[str]] = []
    # every character of those scripts is at U+0400 or above: a line without one needs no
    # pattern (a class of tens of thousands of characters takes some 2 ms to compile)
    other = bool(line) and max(line) >= "\u0400" and _OTHER_SCRIPT.search(line)
    if not other or line.lstrip().startswith("|"):
        return found
    for match in _INLINE_MATH.finditer(line):
        before, after = line[: match.start()], line[match.end() :]
        sentence, whole = last_clause(before)
        math = match.group("math") or match.group("paren")
        if math is not None and _said_derivative(math, sentence, whole, after):
            found.append(match)
    return found


def _said_derivative(math: str, sentence: str, whole: str, after: str) -> bool:
    """A derivative set equal to a value in a sentence, whatever its words, when nothing in the
    sentence (before the math or after it) makes it a case, a supposition, a wish or a slip, and
    no other math comes before it in its clause: a claim (judged as a sentence's claims are:
    "holds", or ambiguous, never flagged)."""
    if "$" in sentence or "\\(" in sentence or not claims_derivative(math):
        return False
    if re.search(r"=\s*0\s*[.,]?\s*$", math) or _IMPLIES.search(math):
        return False  # set to zero: an equation to solve
    rest = _SENTENCE_END_MARK.split(after)[0]
    return not (_guarded(whole) or _guarded(rest))
