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
from symsoft.results import WITNESS_TOLERANCE

DIGITS = 50
STEP = mpmath.mpf(10) ** -15  # error O(h²) = 1e-30, far below the reported tolerance
TOLERANCE = WITNESS_TOLERANCE
LARGEST = 16  # the witness runs at N = min(n, LARGEST)


def _evaluate(expr: sympy.Expr, values: dict[sympy.Symbol, mpmath.mpf]) -> mpmath.mpf:
    """``expr`` at the point, in mpmath at the working precision, node by node (shared
    subexpressions such as the partition sum once)."""
    memo: dict[sympy.Basic, object] = {}

    def walk(node: sympy.Basic):  # type: ignore[no-untyped-def]
        hit = memo.get(node)
        if hit is not None:
            return hit
        if node in values:
            result = values[node]  # type: ignore[index]
        elif node.is_Rational:
            result = mpmath.mpf(int(node.p)) / int(node.q)
        elif node.is_Add:
            result = mpmath.fsum(walk(arg) for arg in node.args)
        elif node.is_Mul:
            result = mpmath.fprod(walk(arg) for arg in node.args)
        elif node.is_Pow:
            exponent = node.exp
            base = walk(node.base)
            result = base ** int(exponent) if exponent.is_Integer else base ** walk(exponent)
        elif isinstance(node, sympy.exp):
            result = mpmath.exp(walk(node.args[0]))
        elif isinstance(node, sympy.log):
            result = mpmath.log(walk(node.args[0]))
        elif node is sympy.E:
            result = mpmath.e
        else:  # anything else: SymPy's own numerics
            point = {s: sympy.Float(v, DIGITS + 10) for s, v in values.items()}
            result = mpmath.mpmathify(sympy.N(node.xreplace(point), DIGITS + 10))
        memo[node] = result
        return result

    return mpmath.re(walk(expr))


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


def witness(  # type: ignore[no-untyped-def]
    theorem: Theorem,
    sizes: Sizes,
    entries: int = 3,
    points: int = 1,
    seed: int = 0,
    family: Family | None = None,
):
    """``(largest relative error, number of comparisons, N used)`` between the finite-difference
    derivative and the closed form, over a few entries and random points.  ``family``: the
    builders at these sizes, if already made."""
    from symsoft.algebra.prover import _cases

    mpmath.mp.dps = DIGITS + 10
    small = Sizes(min(sizes.n, LARGEST), sizes.samples, sizes.features, sizes.classes)
    family = family if family is not None and family.sizes == small else Family(small)
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
