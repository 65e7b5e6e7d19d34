"""An independent numeric witness: central finite differences at 50 digits.

For a few entries and random points, the mechanical side is evaluated *without* symbolic
differentiation — ``(F(x + h) − F(x − h)) / 2h`` (nested for second derivatives) in mpmath at
high precision — and compared with the closed form at the same point.  The largest relative
error is reported.  It shares nothing with the symbolic proof but the builders, so a symbolic
bug would show up as a disagreement.
"""

from __future__ import annotations

import random

import mpmath
import sympy

from symsoft.catalogue.family import Family
from symsoft.catalogue.theorems import Sizes, Theorem

DIGITS = 50
STEP = mpmath.mpf(10) ** -15  # error O(h²) = 1e-30, far below the reported tolerance
TOLERANCE = 1e-20
LARGEST = 16  # the witness runs at N = min(n, LARGEST)


def _evaluate(expr: sympy.Expr, values: dict[sympy.Symbol, mpmath.mpf]) -> mpmath.mpf:
    point = {symbol: sympy.Float(value, DIGITS + 10) for symbol, value in values.items()}
    result = sympy.N(expr.xreplace(point), DIGITS + 10)
    return mpmath.mpf(sympy.re(result))


def _difference(function, variables, values):  # type: ignore[no-untyped-def]
    """The derivative of ``function`` by ``variables`` at ``values``, by central differences."""
    if not variables:
        return _evaluate(function, values)
    first, rest = variables[0], variables[1:]
    shifted = dict(values)
    shifted[first] = values[first] + STEP
    upper = _difference(function, rest, shifted)
    shifted[first] = values[first] - STEP
    lower = _difference(function, rest, shifted)
    return (upper - lower) / (2 * STEP)


def witness(theorem: Theorem, sizes: Sizes, entries: int = 3, points: int = 1, seed: int = 0):  # type: ignore[no-untyped-def]
    """``(largest relative error, number of comparisons, N used)`` between the finite-difference
    derivative and the closed form, over a few entries and random points."""
    from symsoft.algebra.prover import _cases

    mpmath.mp.dps = DIGITS + 10
    small = Sizes(min(sizes.n, LARGEST), sizes.samples, sizes.features, sizes.classes)
    family = Family(small)
    indices = list(theorem.indices(small))
    if not indices:
        return 0.0, 0, small.n
    rng = random.Random(seed)
    chosen = sorted({0, len(indices) - 1, len(indices) // 2})[:entries]
    largest = mpmath.mpf(0)
    count = 0
    for position in chosen:
        index = indices[position]
        function, variables = family.function(theorem, index)
        closed = family.closed(theorem, index)
        cases = _cases(family.assumptions(theorem, index))
        substitution = cases[0] if cases else {}
        function, closed = function.xreplace(substitution), closed.xreplace(substitution)
        free = sorted(
            (function.free_symbols | closed.free_symbols | set(variables)) - set(substitution),
            key=str,
        )
        for _ in range(points):
            values = {}
            for symbol in free:
                low, high = (0.25, 2.0) if symbol.is_positive else (-1.5, 1.5)
                values[symbol] = mpmath.mpf(rng.uniform(low, high))
            numeric = _difference(function, list(variables), values)
            claimed = _evaluate(closed, values)
            scale = max(abs(claimed), abs(numeric), mpmath.mpf(1))
            largest = max(largest, abs(numeric - claimed) / scale)
            count += 1
    return float(largest), count, small.n
