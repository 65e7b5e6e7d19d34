"""The index case of a sentence whose only relation of letters is the case it opens with: "For
$j \\neq c$:" of a text that writes z_j and σ_c (letters outside i … n, written as subscripts
around it), and "When $k=c$, using $\\frac{\\partial \\log x}{\\partial x} = \\frac{1}{x}$, we
get:", where the case comes first and the other math names no case."""

from __future__ import annotations

import re

from symsoft.reading.documents.conditions import parse_relation
from symsoft.reading.documents.spans import Relation
from symsoft.reading.lazy_regex import lazy


def letters_case(place: str, found: list[re.Match[str]], around: str) -> Relation | None:
    """The case of ``place`` read from its inline math ``found`` (see the module), or None."""
    maths = [next(g for g in m.groups() if g) for m in found]
    # "When $k=c$, using $\\frac{d \\log x}{dx} = \\frac{1}{x}$, we get": the math it opens with
    opening = found and _OPENS_CASE.fullmatch(place, 0, found[0].start()) and "\n\n" not in place
    # … not another case after it ("…; for the remaining case $q \\ne k$", "does not hold")
    opening = opening and not _NOT_THAT_CASE.search(place, found[0].end())
    if opening and any(_LETTER_PAIR.fullmatch(math) for math in maths[1:]):
        opening = False
    return parse_relation(maths[0], around) if around and (len(maths) == 1 or opening) else None


_OPENS_CASE = lazy(
    r"(?:\$\$|\\\]|\s)*(?:(?:now|first|then|so|and)\s*,?\s*)?"
    r"(?:when|if|for|in\s+the\s+case|case|pour|lorsque|quand|für|wenn|cuando|para|si|当)\s*",
    re.IGNORECASE,
)
_NOT_THAT_CASE = lazy(
    r"\b(?:not|never|other|otherwise|remaining|else|false|fails?|sinon|sonst|nicht|no|pas)\b"
    r"|n't|否|不",
    re.IGNORECASE,
)
_LETTER_PAIR = lazy(r"\s*[a-z]\s*(?:=|\\neq?|\\not\s*=|≠|!=)\s*[a-z]\s*")
