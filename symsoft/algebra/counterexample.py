"""The one place a :class:`~symsoft.results.Counterexample` is built.

Every refutation ends at a point where the two sides differ: the prover's random exact points,
the local ring of one entry, the ring of the batched regression.  Each finds its point its own
way; they all hand the point and the two values here, so that a value is shown the same way
wherever it was found (exact ``p/q``, shortened when huge, with its decimal next to it).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import flint
import sympy
from mpmath import libmp as mlib

from symsoft.algebra.rational import shown
from symsoft.results import Counterexample

Value = sympy.Rational | flint.fmpq


def _float(value: Value) -> float:
    """``float(sympy.Rational(value))``, which takes seconds when the numerator and the
    denominator have a million digits (a gcd, then mpmath's pure-Python normalisation).

    Where the result is a normal float or rounds to zero, Python's ``int / int`` gives the same
    correctly rounded value at once, and far above the largest float it is infinite, as
    SymPy's is; at the edges (subnormal, just above the largest float) SymPy's rounding runs.
    """
    numerator, denominator = int(value.p), int(value.q)
    scale = abs(numerator).bit_length() - denominator.bit_length()  # 2^(scale±1) bounds it
    if -1021 <= scale <= 1022 or scale <= -1077:
        return numerator / denominator
    if scale >= 1025:  # above 2^1024: SymPy's float overflows to infinity
        return math.inf if numerator > 0 else -math.inf
    if denominator == 1:
        return mlib.to_float(mlib.from_int(numerator, 53, mlib.round_nearest))
    return mlib.to_float(mlib.from_rational(numerator, denominator, 53, mlib.round_nearest))


def exact(
    point: Iterable[tuple[str, str]],
    left: Value,
    right: Value,
    others: Iterable[tuple[str, str]] = (),
) -> Counterexample:
    """The counterexample at ``point`` where the left side is exactly ``left`` and the right
    side exactly ``right`` (rationals), ``others`` the value every other member shares.

    >>> exact([("a_1", "0")], sympy.Rational(1, 2), sympy.Rational(1, 4)).describe()
    'a_1 = 0: left side = 1/2 ≈ 0.5, right side = 1/4 ≈ 0.25'
    """
    return Counterexample(
        point=tuple(point),
        lhs=shown(left),
        rhs=shown(right),
        lhs_float=_float(left),
        rhs_float=_float(right),
        others=tuple(others),
    )


def approximate(
    point: Iterable[tuple[str, str]], left: sympy.Float, right: sympy.Float
) -> Counterexample:
    """The counterexample at ``point`` where the two sides were only evaluated numerically
    (to 20 significant digits shown): not exact, and said so.

    >>> approximate([("z", "1")], sympy.Float(1), sympy.Float(2)).exact
    False
    """
    return Counterexample(
        point=tuple(point),
        lhs=str(sympy.N(left, 20)),
        rhs=str(sympy.N(right, 20)),
        lhs_float=float(left),
        rhs_float=float(right),
        exact=False,
    )
