"""Sums a step contains: the ones SymPy has no closed form for are kept without asking it, and
the result is exactly SymPy's own ``doit``."""

from __future__ import annotations

import pytest
import sympy

from symsoft.algebra.sums import Kept
from symsoft.reading.judge.symbolic import N, evaluate, resolve, unsummable

a, y, p = sympy.IndexedBase("a"), sympy.IndexedBase("y"), sympy.IndexedBase("p")
i, j = sympy.symbols("i j", integer=True, positive=True)
k = sympy.Dummy("k", integer=True, positive=True)
Z = sympy.Sum(sympy.exp(a[k]), (k, 1, N))

SUMS = [
    (Z, True),
    (sympy.Sum(y[k] * sympy.log(p[k]), (k, 1, N)), True),
    (sympy.Sum(sympy.exp(a[k]) / (1 + sympy.exp(a[k])) ** 2, (k, 1, N)), True),
    (sympy.Sum(y[k] * sympy.exp(a[i]) + 3, (k, 1, N)), True),
    # SymPy evaluates these: they go to it
    (sympy.Sum(y[k] * sympy.KroneckerDelta(i, k), (k, 1, N)), False),
    (sympy.Sum(k, (k, 1, N)), False),
    (sympy.Sum(y[i], (k, 1, N)), False),
    (sympy.Sum(y[k + 1], (k, 1, N)), False),
    (sympy.Sum(y[k] * 2**k, (k, 1, N)), False),
    (sympy.Sum(y[k], (k, 1, 5)), False),
    (sympy.Sum(y[k], (k, 0, N)), False),
    (sympy.Sum(y[k] * Z, (k, 1, N)), False),
    (sympy.Sum(sympy.sin(y[k]), (k, 1, N)), False),
]


@pytest.mark.parametrize(("total", "kept"), SUMS, ids=[str(s) for s, _ in SUMS])
def test_which_sums_are_kept(total, kept):
    assert unsummable(total) is kept
    if kept:  # SymPy itself returns it unevaluated
        assert total.doit() == total


EXPRESSIONS = [
    sympy.exp(a[i]) / Z,
    sympy.Derivative(sympy.exp(a[i]) / Z, a[j]),
    sympy.Derivative(sympy.log(Z), a[i]),
    sympy.Derivative(-sympy.Sum(y[k] * sympy.log(sympy.exp(a[k]) / Z), (k, 1, N)), a[i]),
    sympy.Sum(y[k] * sympy.KroneckerDelta(i, k), (k, 1, N)) + Z,
    sympy.Sum(y[k], (k, 1, 3)) * Z,
    sympy.Sum(k, (k, 1, N)) - Z**2,
]


@pytest.mark.parametrize("expr", EXPRESSIONS, ids=str)
def test_evaluate_is_sympys_doit(expr):
    # delta sums come out summed by rule: SymPy's Piecewise as resolve() reads it
    assert evaluate(expr) == resolve(expr.doit())
    assert not evaluate(expr).atoms(sympy.Sum) - resolve(expr.doit()).atoms(sympy.Sum)
    assert type(evaluate(Z)) is sympy.Sum  # nothing of the kept form leaks out


def test_a_derivative_through_a_kept_sum_is_not_lost():
    # the twin of keeping Z: its derivative must still be taken (e^{a_i}, not 0)
    derivative = evaluate(sympy.Derivative(Z, a[i]))
    assert derivative == sympy.Derivative(Z, a[i]).doit() != 0
    summed = evaluate(derivative)  # Σ_k e^{a_k} δ_ki: a delta sum, summed by rule
    assert summed == resolve(derivative.doit()) and summed.has(sympy.exp(a[i]))


w, x, b = sympy.IndexedBase("w"), sympy.IndexedBase("x"), sympy.Symbol("b", real=True)
m = sympy.Dummy("m", integer=True, positive=True)


def _layer(row: sympy.Expr, high: sympy.Expr = N) -> Kept:
    """``Σ_m w_{row,m} x_m`` as the reader keeps it: a sum known to have no closed form."""
    return Kept(w[row, m] * x[m], (m, 1, high))


LAYER_SUMS = [
    # a layer's outputs z_k = b + Σ_m w_km x_m inside a partition sum, and a weight's column
    (sympy.Sum(sympy.exp(b + _layer(k)), (k, 1, N)), True),
    (sympy.Sum(y[k] * sympy.exp(b + _layer(k)) / Kept(*Z.args), (k, 1, N)), True),
    (sympy.Sum(w[i, k] * x[k] + w[k, k], (k, 1, N)), True),
    (sympy.Sum(sympy.exp(_layer(i)) * y[k], (k, 1, N)), True),
    # the twins: k shifted in a subscript (a telescoping sum), k a bound of the inner sum, the
    # inner sum not known to be kept, k bare beside the layer
    (sympy.Sum(x[k] - x[k + 1], (k, 1, N)), False),
    (sympy.Sum(w[k + 1, k] * x[k], (k, 1, N)), False),
    (sympy.Sum(sympy.exp(_layer(k, high=k)), (k, 1, N)), False),
    (sympy.Sum(sympy.exp(sympy.Sum(w[k, m] * x[m], (m, 1, N))), (k, 1, N)), False),
    (sympy.Sum(k * sympy.exp(_layer(k)), (k, 1, N)), False),
]


@pytest.mark.parametrize(("total", "kept"), LAYER_SUMS, ids=[str(s) for s, _ in LAYER_SUMS])
def test_which_sums_over_a_layer_are_kept(total, kept):
    assert unsummable(total) is kept
    written = total.replace(lambda e: isinstance(e, Kept), lambda e: sympy.Sum(*e.args))
    if kept:  # SymPy itself returns it unevaluated, the inner sums written as plain sums
        assert written.doit() == written
    else:
        assert evaluate(written) == resolve(written.doit())


def test_a_telescoping_sum_is_summed_by_sympy():
    # the twin of keeping Σ_k x_k: with k + 1 in a subscript SymPy has a closed form
    total = sympy.Sum(x[k] - x[k + 1], (k, 1, N))
    assert evaluate(total) == x[1] - x[N + 1]
