"""Where a text starts counting: a text that writes an index 0 (``\\hat{y}_0``, class 0 the
background) may run its sums from 0, and a verdict read with sums from 1 to N may then not be the
author's. A step whose every sum runs over the whole range 1..N and that names no entry by number
holds, or fails, over any range of N classes alike (rename k to k + 1): where the text starts
counting cannot change its verdict.
"""

from __future__ import annotations

import sympy

from symsoft.reading.documents.counts import ZERO_APART
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.symbolic import N
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings

# a sum written with a bound (\sum_{k=1}, \sum_{i=0}^{n-1}, \sum^K) or a numbered entry (p_0, x_{1})
_BOUNDED = lazy(r"(?:\\sum|∑)\s*(?:_\s*\{[^{}]*=|\^)|_\s*\{?\s*\d")


def origin_matters(
    sides: list[str], read: tuple[sympy.Expr, sympy.Expr], meanings: Meanings
) -> bool:
    """Whether the verdict on a step that writes a sum may depend on where the text starts
    counting: unless the step writes its sums without bounds, every sum of the step, its meanings
    put in, runs over the whole range 1..N, and neither names an entry by number.

    >>> from symsoft.reading.notation.sides import Reader
    >>> reader = Reader(Meanings.standard())
    >>> read = (reader.expression(r"\\sum_k S_k"), sympy.Integer(1))
    >>> origin_matters([r"\\sum_k S_k", "1"], read, reader.meanings)
    False
    >>> origin_matters([r"\\sum_{k=1}^{N} S_k", "1"], read, reader.meanings)
    True
    """
    if not any("\\sum" in side or "∑" in side for side in sides):
        return False
    try:
        expanded = [meanings.expand(side) for side in read]
    except Unreadable:
        return True
    if any(_BOUNDED.search(side) for side in sides):
        return not _as_written(sides, read, expanded)
    whole = {N, meanings.size, *(meanings.sizes())}
    for side in expanded:
        for total in side.atoms(sympy.Sum):
            if any(low != 1 or high not in whole for _, low, high in total.limits):
                return True
        if any(not i.free_symbols for e in side.atoms(sympy.Indexed) for i in e.indices):
            return True
    return False


_SUM = lazy(r"\\sum|∑")
# a sum written with both bounds: \sum_{n=0}^{N-1}, \sum\limits_{k = 1}^{K}
_BOTH_BOUNDS = lazy(r"(?:\\sum|∑)\s*(?:\\limits\s*)?_\s*\{[^{}]*=[^{}]*\}\s*\^\s*(?:\{[^{}]*\}|\w)")


def read_as_written(
    sides: list[str], read: tuple[sympy.Expr, sympy.Expr], meanings: Meanings
) -> bool:
    """Whether the step's sums are all the author's own ranges (see :func:`_as_written`)."""
    try:
        return _as_written(sides, read, [meanings.expand(side) for side in read])
    except Unreadable:
        return False


def _as_written(
    sides: list[str], read: tuple[sympy.Expr, sympy.Expr], expanded: list[sympy.Expr]
) -> bool:
    """Whether every sum of the step is the author's own range: each is written with both bounds
    (``\\sum_{n=0}^{N-1}``), none runs from 1 (symsoft's own range, a meaning put in), and an entry
    named by number (``w_0``) belongs to no summed name. Where the text starts counting then
    changes nothing: the step is read as it is written."""
    if any(len(_SUM.findall(side)) != len(_BOTH_BOUNDS.findall(side)) for side in sides):
        return False
    if any(
        low == 1
        for side in expanded
        for total in side.atoms(sympy.Sum)
        for _, low, _ in total.limits
    ):
        return False  # a sum from 1, perhaps symsoft's own (softmax(x) read as Σ_{k=1}^{N})
    summed = {
        entry.base
        for side in expanded
        for total in side.atoms(sympy.Sum)
        for entry in total.function.atoms(sympy.Indexed)
        if any(i.has(v) for i in entry.indices for v in total.variables)
    }
    return not any(
        entry.base in summed and any(not i.free_symbols for i in entry.indices)
        for side in expanded
        for entry in side.atoms(sympy.Indexed)
    )


def from_zero(*sides: sympy.Expr) -> bool:
    """Whether a side writes an index 0 (``p_0``, ``\\sum_{i=0}``), outside the range 1..N."""
    for side in sides:
        if any(i.is_Integer and i <= 0 for e in side.atoms(sympy.Indexed) for i in e.indices):
            return True
        if any(
            low.is_Integer and low <= 0
            for total in side.atoms(sympy.Sum)
            for _, low, _ in total.limits
        ):
            return True
    return False


def writes_index_zero(pieces: list[str], text: str = "") -> bool:
    """Whether the mathematics ``pieces`` writes an index 0 (``p_0``, ``\\sum_{k=0}``), but for
    an entry 0 written apart from a sum from 1 over the others (``w_0 + \\sum_{j=1}^M w_j
    x_j``: a bias, not a class 0)."""
    apart = ZERO_APART.get()
    if _sums_from_one(pieces) and not COUNTED_FROM_ZERO.search(text):
        return False  # every sum written from 1: an entry 0 elsewhere (ŷ_0 = 0.659) is no origin
    return any(m.group(1) not in apart for piece in pieces for m in _INDEX_ZERO.finditer(piece))


# words that say the text counts from zero ("numbered from 0", "zero-based", "start at 0")
COUNTED_FROM_ZERO = lazy(
    r"(?i)\b(?:zero|0)[- ]based\b|\b(?:index|count|number)\w*\s+(?:[a-z]+\s+){0,2}from\s+(?:zero"
    r"|0)\b|\bstart(?:s|ing)?\s+(?:at|from)\s+(?:zero|0)\b|\bclass(?:es)?\s+0\b"
)
_LOWER_BOUND = lazy(r"(?:\\sum|∑)\s*(?:\\limits\s*)?_\s*\{\s*[a-z]\s*=")
_FROM_ONE = lazy(r"(?:\\sum|∑)\s*(?:\\limits\s*)?_\s*\{\s*[a-z]\s*=\s*1\s*\}")


def _sums_from_one(pieces: list[str]) -> bool:
    """Whether the mathematics writes sums with a lower bound, every one of them 1
    (``\\sum_{j=1}^{K}``; sums without a bound beside them, ``\\sum_j``, count as the text does).

    >>> _sums_from_one([r"\\sum_{j=1}^{K} e^{z_j}", r"\\hat{y}_0 = 0.6", r"\\sum_k y_k"])
    True
    >>> _sums_from_one([r"\\sum_{j=1}^{K} e^{z_j}", r"\\sum_{k=0}^{K-1} y_k"])
    False
    """
    bounded = sum(len(_LOWER_BOUND.findall(piece)) for piece in pieces)
    return bounded > 0 and bounded == sum(len(_FROM_ONE.findall(piece)) for piece in pieces)


# possessive spaces: a run of n blanked spaces after a letter is read once, not in n² steps
_INDEX_ZERO = lazy(
    r"(?<![\\a-zA-Z])([a-zA-Z])\s*+(?:\}\s*+)?_\s*(?:\{\s*0\s*\}|0(?![\d.]))"
    r"|(?:\\sum|∑)\s*_\s*\{\s*[a-z]\s*=\s*0\s*\}"
)
