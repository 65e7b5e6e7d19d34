"""A sum whose terms are written with another letter than the one it runs over.

``\\sum_{j \\neq i}^{n} -S(x_z) S(x_i)`` (a post that derives the case z ≠ i, then sums it): read
as written, the terms do not depend on j and the sum is n - 1 copies of one term; the author
meant z as the summation index.  When the letter of the terms is written nowhere else in the
side (neither outside the sum nor in its own subscript), the two readings differ and neither is
the text's alone: such a step is not read.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.subscripts import subscript_letters
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.derivatives import _reach

_SUM = lazy(
    r"\\sum\s*(?:\\(?:no)?limits\s*)?_\s*(?:\{\s*([a-z])(?![a-zA-Z])[^{}]*\}|([a-z])(?![a-zA-Z]))"
    r"(?:\s*\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
)


def mismatched_sum(sides: list[str]) -> str | None:
    """Why a step's sum is not read (its terms use another index letter than its own, one the
    step writes nowhere but in such sums), or None.

    >>> mismatched_sum([r"\\sum_{j \\neq i}^{n} -S_z S_i", r"\\sum_j S_z S_i"])
    'the sum runs over j and its terms are written with z, which is summed?'
    >>> mismatched_sum([r"\\frac{\\partial C}{\\partial z_i}", r"\\sum_{k=1}^K y_i"]) is None
    True
    """
    found: list[tuple[str, set[str]]] = []
    rest = list(sides)
    for at, side in enumerate(sides):
        for match in _SUM.finditer(side):
            index = match.group(1) or match.group(2)
            body = _reach(side, match.end())
            letters = subscript_letters(body)
            if index in letters or not letters:
                continue
            found.append((index, letters))
            blank = " " * len(body)
            rest[at] = rest[at][: match.end()] + blank + rest[at][match.end() + len(body) :]
    outside = " ".join(rest)
    for index, letters in found:
        for letter in sorted(letters):
            if not re.search(rf"(?<![a-zA-Z\\]){letter}(?![a-zA-Z])", outside):
                return (
                    f"the sum runs over {index} and its terms are written with {letter}, "
                    "which is summed?"
                )
    return None
