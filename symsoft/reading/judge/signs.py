"""Steps with ``|x|`` and ``\\max(x, 0)`` of one real variable (the stable binary cross-entropy
``\\max(a, 0) - a y + \\log(1 + e^{-|a|})``, softplus written without overflow), and what
differentiating them gives (the sign of x, the step function): decided on each side of 0.

On ``x > 0`` the step is the same step with ``|x| = x``, ``\\max(x, 0) = x``; on ``x < 0`` with
``|x| = -x``, ``\\max(x, 0) = 0``.  Each side is an expression of exponentials, logarithms and
rational functions, analytic in x, so it holds on a half-line exactly when it holds as an
identity: the exact prover decides each side for every x, and the step holds when both hold.
A side that does not hold is shown by a point on that side of 0 where the two sides of the step,
as written, differ (evaluated to 30 digits); none found, the step is not decided.  Only a
step of plain variables is split (no sums over an index, no entries): one variable under the
bars, every other left as it is.

Each side, and any step of plain variables the prover cannot decide because it compares
logarithms of different arguments, may be proved through its derivatives (by_derivatives).
"""

from __future__ import annotations

from collections.abc import Callable

import sympy

from symsoft.algebra.counterexample import approximate
from symsoft.algebra.prover import prove
from symsoft.results import Verdict

_PIECES = (sympy.Abs, sympy.Max, sympy.Min, sympy.sign, sympy.Heaviside)
_INDEXED = (sympy.Sum, sympy.Indexed, sympy.Product)  # a step with them is not split
# the values tried for the variables, on each side of 0 for the one under the bars
_MAGNITUDES = tuple(sympy.Rational(p, q) for p, q in ((1, 2), (3, 2), (7, 3), (1, 5), (4, 1)))
_OTHERS = tuple(sympy.Rational(p, q) for p, q in ((1, 3), (2, 7), (5, 4), (-3, 5), (0, 1)))


def piecewise_variable(left: sympy.Expr, right: sympy.Expr) -> sympy.Symbol | None:
    """The one real variable of ``|x|``, ``\\max(x, 0)`` (and sign, the step function) in a
    step of plain variables, each of them at a multiple of it; None when there is none, or
    more than one, or the step has sums or entries."""
    difference = left - right
    pieces = difference.atoms(*_PIECES)
    if not pieces or difference.has(*_INDEXED):
        return None
    variables = set().union(*(piece.free_symbols for piece in pieces))
    if len(variables) != 1:
        return None
    (variable,) = variables
    if not isinstance(variable, sympy.Symbol) or variable.is_real is not True:
        return None
    for piece in pieces:
        for argument in piece.args:
            ratio = sympy.simplify(argument / variable)
            if argument != 0 and not (ratio.is_Rational and ratio != 0):
                return None  # |x - 1|, max(x, 1): another point than 0
    return variable


def by_sign(
    left: sympy.Expr,
    right: sympy.Expr,
    variable: sympy.Symbol,
    decide: Callable[[sympy.Expr, sympy.Expr], Verdict],
) -> Verdict:
    """The verdict on the step for every value of ``variable``: ``decide`` (the exact prover)
    on each side of 0, a point on a side where it is not proved."""
    positive = sympy.Symbol(variable.name, positive=True)
    verdicts = []
    for sign in (1, -1):
        sides = [side.subs(variable, sign * positive) for side in (left, right)]
        if any(side.has(*_PIECES) for side in sides):
            return Verdict("unknown", reason=f"|{variable}| or max({variable}, 0) not resolved")
        verdict = decide(*(side.subs(positive, variable) for side in sides))
        verdicts.append(verdict)
        if verdict.status != "proved":
            found = _differ(left, right, variable, sign)
            if found is not None:
                return found
    if all(v.status == "proved" for v in verdicts):
        return Verdict(
            "proved",
            reason=f"holds for {variable} > 0 and for {variable} < 0 (each side proved exactly)",
            certificate=f"split at {variable} = 0; " + "; ".join(v.reason for v in verdicts),
        )
    return Verdict(
        "unknown",
        reason=f"not proved on each side of {variable} = 0, and no point found where it fails",
    )


def _differ(
    left: sympy.Expr, right: sympy.Expr, variable: sympy.Symbol, sign: int
) -> Verdict | None:
    """A refutation at a point with ``variable`` of the sign ``sign`` where the two sides, as
    written, differ by more than their rounding."""
    others = sorted((left.free_symbols | right.free_symbols) - {variable}, key=str)
    for magnitude in _MAGNITUDES:
        for shift in range(len(_OTHERS)):
            values = {variable: sign * magnitude}
            for place, other in enumerate(others):
                values[other] = _OTHERS[(place + shift) % len(_OTHERS)]
            try:
                low, high = (sympy.N(side.subs(values), 30) for side in (left, right))
            except (TypeError, ValueError, ArithmeticError):
                continue
            if not (low.is_real and high.is_real and low.is_finite and high.is_finite):
                continue
            if abs(low - high) > sympy.Float("1e-20", 30) * max(1, abs(low), abs(high)):
                point = [(symbol.name, value) for symbol, value in values.items()]
                reason = f"the two sides differ at {variable} = {values[variable]}"
                return Verdict("refuted", reason, None, approximate(point, low, high))
    return None


def by_derivatives(left: sympy.Expr, right: sympy.Expr) -> Verdict | None:
    """The step proved through its derivatives, when the prover cannot compare logarithms of
    different arguments (``\\log(1 + e^{a}) = a + \\log(1 + e^{-a})``): the derivative of the
    difference by each variable is 0 (proved exactly: derivatives of logarithms are rational in
    exponentials), and the difference is exactly 0 at one point, so it is 0 everywhere: every
    logarithm's argument must be positive for every value (``1 + e^{-a}``), so the domain is
    all of the variables' values, connected.  None when that does not prove it (a step of
    plain variables only: no sums, no entries)."""
    difference = left - right
    if not difference.has(sympy.log) or difference.has(*_PIECES, *_INDEXED):
        return None
    variables = sorted(difference.free_symbols, key=str)
    if not 0 < len(variables) <= 4 or not all(v.is_real for v in variables):
        return None
    if not all(log.args[0].is_positive for log in difference.atoms(sympy.log)):
        return None  # \log(x^2) = 2 \log(x): equal only where x > 0, a part of the domain
    for variable in variables:
        slope = prove(sympy.diff(left, variable), sympy.diff(right, variable))
        if slope.status != "proved":
            return None
    for value in (0, 1):
        at = difference.subs({variable: value for variable in variables})
        if at.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
            continue
        if sympy.simplify(sympy.expand_log(at, force=True)) == 0:
            names = ", ".join(f"{variable} = {value}" for variable in variables)
            return Verdict(
                "proved",
                reason=f"its derivatives are 0 and it is 0 at {names}",
                certificate=f"d/d{', d/d'.join(map(str, variables))} of the difference is 0; "
                f"the difference at {names} is 0",
            )
        return None  # not 0 there, or not shown to be 0: not proved so
    return None
