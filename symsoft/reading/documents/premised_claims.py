"""A claim a sentence asserts after a premise clause with math of its own ("Since $\\sum_k y_k
= 1$, this simplifies to $…$.", "Because $f_k = w_k^T x_i$ we have $…$"): its flags withheld."""

from __future__ import annotations

import re

from symsoft.reading.documents.languages import ASSERTING_LEAD
from symsoft.reading.documents.sentences import (
    _ASSERTING,
    _IMPLIES,
    _INLINE_MATH,
    _REASON_TAIL,
    _SENTENCE_END_MARK,
    _goes_on_plainly,
    _guarded,
    claims_derivative,
)
from symsoft.reading.lazy_regex import lazy

# "Since $\sum_k y_k = 1$, this simplifies to $…$.", "Using $\sigma' = \sigma(1-\sigma)$, we
# get $…$.": a premise clause with its own math, then the claim
_A_CASE = lazy(r"\\(?:neq?|[lg]eq?|not\s*=)(?![a-zA-Z])|[<>≠≤≥]")
_PREMISED = lazy(
    r"(?i)^[ \t]*+(?:[-*+][ \t]+)?(?:so\b[ \t]*+)?"  # ("So with $a = \sigma(z)$ we get $…$")
    r"(?:(?:since|because|as|using|given(?:[ \t]+that)?|with|from"
    r"|substituting|plugging[ \t]+in|inserting)\b[^$.!?]*(?:\$[^$]+\$[^$.!?]*?)+"
    # … or a class the claim is about: "For the correct class, $…$", "For any other class
    # $k \neq c$, $…$"
    r"|(?P<class>for[ \t]+(?:the|each|every|any|all)[ \t]+[^$.!?,]*?class(?:es)?\b"
    r"[^$.!?,]*(?:\$[^$]+\$[^$.!?,]*)?))"
    # (the comma may be left out before the claim's own lead: "Because $…$ we have $…$")
    r"(?:,|(?<=\$)(?P<bare>(?=[ \t]+(?:we|this|which|it)[ \t])))[ \t]*(?P<rest>[^$]*)$"
)


def said_after_premise(line: str, below: str) -> list[re.Match[str]]:
    """The ``$…$`` a sentence asserts after a premise clause that has math of its own
    ("Since $\\sum_k y_k = 1$, this simplifies to $…$."): claims whose flags are withheld (the
    premise may be a hypothesis or a case the reader does not take from it)."""
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math")
        if math is None or not claims_derivative(math):
            continue
        sentence = _SENTENCE_END_MARK.split(line[: match.start()])[-1]
        premised = _PREMISED.match(sentence)
        if premised is None or _guarded(premised["rest"]):
            continue
        if premised["bare"] is not None and _A_CASE.search(sentence):
            continue  # "With $S_i = …$, since $i \neq j$ we get $…$": a case, left unread
        rest = premised["rest"]
        if not (_ASSERTING.search(rest) or ASSERTING_LEAD.search(rest)):
            if not (premised["class"] and not rest.strip()):
                continue
        after = line[match.end() :]
        ends = _REASON_TAIL.match(after)
        if not ((ends and (ends["end"] or not below.strip())) or _goes_on_plainly(after, below)):
            continue
        if re.search(r"=\s*0\s*[.,]?\s*$", math) or _IMPLIES.search(math):
            continue
        found.append(match)
    return found
