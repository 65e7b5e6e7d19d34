"""A side of a step written with numbers alone: digits, decimals, ``+ - × · /``, fractions,
logarithms and powers of e, no names (``\\frac{1}{1 + e^{-0.15}}``, ``0.5374``)."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

NUMBERS = lazy(
    r"(?:[\s\d.+\-−*/()^{}]|\\(?:times|cdot|d?frac|left|right|log|ln|exp|,)(?![a-zA-Z])"
    r"|(?<![A-Za-z\\])(?:e|log|ln|exp)(?![A-Za-z]))*"
)


def numbers_alone(sides: list[str]) -> bool:
    """Whether both sides of a step are numbers alone (``\\frac{1}{1 + e^{-0.15}} \\approx
    0.5374``): an approximation between them can be judged to the digits written."""
    return all(NUMBERS.fullmatch(side) and re.search(r"\d", side) for side in sides)
