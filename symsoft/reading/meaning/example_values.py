"""Values a worked example gives a vector (soft targets ``y = (0.2, 0.3, 0.1)``), which can deny
what the words around them say (that the targets sum to one)."""

from __future__ import annotations

import fractions

from symsoft.reading.lazy_regex import lazy

# a vector of example values: y = (0.2, 0.3, 0.1), \mathbf{t} = [1, 0, 0]
_EXAMPLE_VECTOR = lazy(
    r"(?<![\\a-zA-Z])(?:\\(?:mathbf|boldsymbol|vec|bm)\s*\{\s*([a-zA-Z])\s*\}|([a-zA-Z]))\s*=\s*"
    r"(?:\\left\s*)?[(\[]((?:\s*-?\d{1,6}(?:\.\d{1,12})?\s*,){1,31}\s*-?\d{1,6}(?:\.\d{1,12})?)\s*"
    r"(?:\\right\s*)?[)\]]"
)


def valued_otherwise(text: str) -> set[str]:
    """The names a worked example gives values that do not sum to one (soft targets ``y =
    (0.2, 0.3, 0.1)``): whatever words call them, the example denies the hypothesis (not a rounded
    total: 0.99 is one, rounded).

    >>> sorted(valued_otherwise("$y = (0.2, 0.3, 0.1)$ and $t = [0.5, 0.5]$"))
    ['y']
    >>> sorted(valued_otherwise("$q = (0.33, 0.33, 0.33)$ and the point $x = (1, 2)$"))
    []
    """
    names = set()
    for found in _EXAMPLE_VECTOR.finditer(text):
        written = [value.strip() for value in found.group(3).split(",")]
        values = [fractions.Fraction(value) for value in written]
        if any(value < 0 or value > 1 for value in values):
            continue  # the point y = (1, 2): no probabilities, nothing said of targets
        # each value rounded to the digits written: half a unit of its last digit off at most
        slack = sum(fractions.Fraction(1, 2 * 10 ** len(v.partition(".")[2])) for v in written)
        if abs(sum(values) - 1) > slack:
            names.add(found.group(1) or found.group(2))
    return names
