"""A chain rule written with its sum left implicit: ``\\frac{\\partial L}{\\partial p_k}
\\frac{\\partial p_k}{\\partial z_i}``, the index k of the inner quantity repeated in two
derivatives of one side and written nowhere on the other.  Read literally, k is a free index and
the step fails; read with the sum the author may mean (Einstein's convention, or a sum simply
dropped), it may hold.  A text that never says which leaves a flag resting on one reading."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_GROUP = r"((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)"
_DERIVATIVE = lazy(
    rf"\\[dt]?frac\s*\{{\s*(?:\\partial|d)\s*{_GROUP}\}}\s*\{{\s*(?:\\partial|d)\s*{_GROUP}\}}"
)
_SUBSCRIPT = lazy(r"_\s*\{?\s*([a-z])(?![a-zA-Z])")


def _letters(text: str) -> set[str]:
    return set(_SUBSCRIPT.findall(text))


def implicit_sum(lhs: str, rhs: str) -> str:
    """Why a flag may rest on reading an implicit sum's index as free, or ""."""
    for side, other in ((lhs, rhs), (rhs, lhs)):
        found = list(_DERIVATIVE.finditer(side))
        for first in found:
            for second in found:
                if first is second:
                    continue
                for letter in _letters(first.group(2)) & _letters(second.group(1)):
                    if re.search(rf"\\sum\s*(?:\\limits\s*)?_\s*\{{?\s*{letter}(?![a-zA-Z])", side):
                        continue  # summed as written
                    if letter in _letters(other):
                        continue
                    return (
                        f"the index {letter} is repeated in a chain rule with no sum written "
                        f"(a sum over {letter} implied, perhaps), and the text does not say "
                        "which reading it means"
                    )
    return ""
