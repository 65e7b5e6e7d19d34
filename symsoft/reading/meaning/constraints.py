"""Constraints a text puts on its names that the reader does not use (``y \\in \\{0, 1\\}``,
``0 \\le q \\le 1``, ``\\sum_j z_j = 0``): a counterexample that gives them other values is no
flag; and labels given by value whose entries add up to one (:func:`given_totals`)."""

from __future__ import annotations

import re
from fractions import Fraction

from symsoft.reading.lazy_regex import lazy

_BINARY = lazy(
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*)?"
    r"\\in\s*\\\{\s*0\s*,\s*1\s*\\\}"
)


_ZERO_SUM = lazy(
    r"((?:\\sum_\s*\{?\s*[a-z]\s*(?:=\s*1)?\s*\}?(?:\^\s*\{?\s*\w+\s*\}?)?\s*[a-zA-Z]_\s*\{?\s*[a-z]\s*\}?"
    r"\s*=\s*)+)0(?![\d.])"
)


_UNIT_INTERVAL = lazy(  # $0 \le q \le 1$, $q \in [0, 1]$
    r"\$\s*0\s*\\leq?\s*([a-zA-Z])\s*\\leq?\s*1\s*\$"
    r"|\$\s*([a-zA-Z])\s*\\in\s*(?:\\left\s*)?\[\s*0\s*,\s*1\s*(?:\\right\s*)?\]\s*\$"
)


def constraints_of(text: str) -> dict[str, str]:
    """Names the document constrains in ways the reader does not use (``y \\in \\{0, 1\\}``,
    ``\\sum_j z_j = 0``): a counterexample that gives them other values is no flag."""
    found: dict[str, str] = {}
    for match in _BINARY.finditer(text):
        found.setdefault(match.group(1), f"{match.group(1)} ∈ {{0, 1}}")
    for match in _UNIT_INTERVAL.finditer(text):
        name = match.group(1) or match.group(2)
        found.setdefault(name, f"0 ≤ {name} ≤ 1")
    for match in _ZERO_SUM.finditer(text):
        for name in re.findall(r"([a-zA-Z])_\s*\{?\s*[a-z]\s*\}?\s*=", match.group(1)):
            found.setdefault(name, f"Σ {name} = 0")
    return found


_NUMBER = r"\s*(?:\d+(?:\.\d*)?|\.\d+)\s*"
_GIVEN_ENTRIES = lazy(  # t = (0.1, 0.2, 0.7), \mathbf{y} = [0, 0, 1]^T: labels given by value
    r"(?<![\\A-Za-z])(?:\\(?:mathbf|boldsymbol|bm|vec)\s*)?\{?\s*([a-zA-Z])\s*\}?\s*=\s*"
    rf"(?:\\left\s*)?[(\[]({_NUMBER}(?:,{_NUMBER})+)(?:\\right\s*)?[)\]]"
)


def given_totals(text: str) -> dict[str, str]:
    """The names given as tuples of numbers that each add up to exactly 1 (``$t = (0.1, 0.2,
    0.7)$``, ``$y = [0, 0, 1]$``), with the first as written: an example of labels that sum
    to one, which may mean they always do; not a name also given a tuple that does not
    (``$y = (1, 1, 0)$``), nor in a text that speaks of multi-hot or multi-label targets.

    >>> given_totals("targets $t = (0.1, 0.2, 0.7)$ and $v = (1, 1)$")
    {'t': 't = (0.1, 0.2, 0.7)'}
    """
    if _MULTI_HOT.search(text):
        return {}
    found: dict[str, str] = {}
    others: set[str] = set()
    for m in _GIVEN_ENTRIES.finditer(text):
        if sum(Fraction(entry.strip()) for entry in m.group(2).split(",")) == 1:
            found.setdefault(m.group(1), " ".join(m.group(0).split()))
        else:
            others.add(m.group(1))
    return {name: written for name, written in found.items() if name not in others}


_MULTI_HOT = lazy(r"multi[- ]?(?:hot|label)", re.IGNORECASE)
