"""``algebra.evaluation.doit``: ``expr.doit()`` with each sum's answer remembered; the result
is SymPy's own, asked once or twice."""

from __future__ import annotations

import pytest
import sympy

from symsoft.algebra import evaluation

N = sympy.Symbol("N", integer=True, positive=True)
b = sympy.Symbol("b", real=True)
i, j = sympy.symbols("i j", integer=True)
w, x, y, a = (sympy.IndexedBase(name) for name in "wxya")
k, m, q = (sympy.Dummy(name, integer=True) for name in "kmq")


def _layer(row: sympy.Expr) -> sympy.Expr:
    return sympy.exp(b + sympy.Sum(w[row, m] * x[m], (m, 1, N)))


Z = sympy.Sum(_layer(q), (q, 1, N))
EXPRESSIONS = [
    2 * sympy.Sum(sympy.exp(a[k]), (k, 1, 3)),
    sympy.Sum(_layer(k) * y[k], (k, 1, N)) / Z,
    _layer(i) / Z - _layer(i) ** 2 / Z**2,
    sympy.Sum(sympy.KroneckerDelta(k, j) * y[k] / a[k], (k, 1, N)),
    sympy.Sum(_layer(k) * sympy.exp(-b - sympy.Sum(w[k, m] * x[m], (m, 1, N))), (k, 1, N)),
    sympy.Sum(_layer(k), (k, 1, 3)) * sympy.Piecewise((Z, i > 0), (1, True)),
    sympy.Sum(k, (k, 1, N)),
    sympy.Sum(sympy.Sum(w[k, m], (m, 1, 2)), (k, 1, 2)) + sympy.Derivative(Z, b),
    # the index only as an entry's (evaluation._opaque): the sum itself, as SymPy gives it
    sympy.Sum(sympy.exp(a[k]) + 1, (k, 1, N)),
    sympy.Sum(sympy.log(y[k]) * x[k] / (1 + sympy.exp(-a[k])), (k, 0, N - 1)),
    sympy.Sum(x[k + 1] - x[k], (k, 1, N)),  # (may telescope: SymPy's own)
]


@pytest.mark.parametrize("expr", EXPRESSIONS, ids=range(len(EXPRESSIONS)))
def test_the_result_is_sympys_doit_asked_once_and_again(expr: sympy.Expr) -> None:
    expected = expr.doit()
    assert evaluation.doit(expr) == expected
    assert evaluation.doit(expr) == expected  # the remembered answer


def test_a_changed_expression_is_not_answered_from_memory() -> None:
    first = sympy.Sum(sympy.exp(a[k]) * y[k], (k, 1, 2))
    other = sympy.Sum(sympy.exp(a[k]) * y[k], (k, 1, 3))
    assert evaluation.doit(first) != evaluation.doit(other)
    assert evaluation.doit(other) == other.doit()


def test_an_answer_with_a_dummy_of_its_own_is_not_remembered(monkeypatch) -> None:  # noqa: ANN001
    made = []

    def fresh(self, **hints):  # noqa: ANN001, ANN202
        made.append(sympy.Dummy("t"))
        return made[-1]

    total = sympy.Sum(k * a[k], (k, 1, N))  # (k itself in the summand: SymPy is asked)
    monkeypatch.setattr(sympy.Sum, "doit", fresh)
    assert evaluation.doit(total) is made[0]
    assert evaluation.doit(total) is made[1]  # asked anew: a new dummy, as SymPy would make
    assert total not in evaluation._ANSWERS
