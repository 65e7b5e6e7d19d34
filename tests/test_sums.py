"""Kronecker-delta sums summed by rule (symsoft/algebra/sums.py): the result is SymPy's own
``Sum.doit`` resolved for indices in 1..N, sum by sum; what the rules do not cover goes to SymPy;
and a wrong formula built from these sums is still refuted."""

from __future__ import annotations

import pytest
import sympy

from symsoft.algebra.sums import Kept, doit, evaluate_sums, known, opaque
from symsoft.catalogue.shapes import SHAPES
from symsoft.reading.document import check_document
from symsoft.reading.judge.symbolic import N, evaluate, resolve
from symsoft.verification.general import INDICES, _resolve

a, o, y, v = (sympy.IndexedBase(name) for name in "aoyv")
i, j = sympy.symbols("i j", integer=True, positive=True)
k = sympy.Dummy("k", integer=True, positive=True)
m = sympy.Dummy("m", integer=True, positive=True)
delta = sympy.KroneckerDelta
Z = sympy.Sum(sympy.exp(a[m]), (m, 1, N))


def in_range(index: sympy.Expr) -> bool:
    return index in (i, j) or bool(index.is_Integer and index > 0)


# sums the rules evaluate: each is compared with SymPy
RULED = [
    sympy.Sum(y[k] * delta(k, i), (k, 1, N)),
    sympy.Sum(y[k] * delta(i, k), (k, 1, N)),
    sympy.Sum(sympy.exp(a[k]) * delta(k, j) / Z, (k, 1, N)),
    sympy.Sum((delta(k, i) - sympy.exp(a[i]) / Z) * y[k], (k, 1, N)),
    sympy.Sum((delta(k, i) - sympy.exp(a[k]) / Z) * (delta(k, j) - y[k]), (k, 1, N)),
    sympy.Sum(y[k] * delta(k, i) * delta(k, j), (k, 1, N)),
    sympy.Sum(y[k] * delta(k, 3), (k, 1, N)),
    sympy.Sum(y[k] * delta(i, j), (k, 1, N)),
    sympy.Sum(sympy.exp(a[i]) * delta(i, j), (k, 1, N)),
    sympy.Sum(y[k] * sympy.log(sympy.exp(a[k]) / Z), (k, 1, N)),
    sympy.Sum(y[k] * sympy.Sum(sympy.exp(a[m]) * delta(m, i), (m, 1, N)), (k, 1, N)),
    sympy.Sum(y[k] ** 2 * sympy.exp(a[k] / 2) * delta(k, i) + y[k], (k, 1, N)),
    sympy.Sum(sympy.S.Zero * y[k], (k, 1, N)),
    sympy.Sum(k * delta(k, i), (k, 1, N)),
]

# sums the rules leave to SymPy: another range, shifted or scaled deltas, powers of k, an
# index not known to lie in 1..N, a delta inside a power
DECLINED = [
    sympy.Sum(y[k] * delta(k, i), (k, 1, 5)),
    sympy.Sum(y[k] * delta(k, i), (k, 0, N)),
    sympy.Sum(y[k] * delta(k + 1, i), (k, 1, N)),
    sympy.Sum(y[k] * delta(2 * k, i), (k, 1, N)),
    sympy.Sum(k, (k, 1, N)),
    sympy.Sum(k * delta(k, i) + k, (k, 1, N)),
    sympy.Sum(y[k] * 2**k, (k, 1, N)),
    sympy.Sum(y[k] * delta(k, sympy.Symbol("x")), (k, 1, N)),
    sympy.Sum(y[k] * (delta(k, i) - y[k]) ** 2, (k, 1, N)),
    sympy.Sum(sympy.sin(y[k]) * delta(k, i), (k, 1, N)),
    sympy.Sum(y[k] * sympy.Sum(delta(m, k), (m, 1, N)), (k, 1, N)),
]


@pytest.mark.parametrize("total", RULED, ids=str)
def test_a_ruled_sum_is_sympys_sum(total):
    ruled = evaluate_sums(total, N, in_range)
    assert ruled != total  # the rules did evaluate it
    assert doit(total, N, in_range) == resolve(total.doit())


@pytest.mark.parametrize("total", DECLINED, ids=str)
def test_a_sum_outside_the_rules_goes_to_sympy(total):
    assert evaluate_sums(total, N, in_range) is total


def test_what_the_rules_sum():
    assert doit(sympy.Sum(y[k] * delta(k, i), (k, 1, N)), N, in_range) == y[i]
    assert doit(sympy.Sum(y[i], (k, 1, N)), N, in_range) == N * y[i]
    kept = evaluate_sums(sympy.Sum(y[k] * sympy.exp(a[k]), (k, 1, N)), N, in_range)
    assert isinstance(kept, Kept) and kept.doit() is kept
    assert type(doit(kept, N, in_range)) is sympy.Sum  # nothing of the kept form leaks out


@pytest.mark.parametrize(
    "wrong", [sympy.S.Zero, -y[i], y[j], N * y[i]], ids=["dropped", "sign", "index", "times N"]
)
def test_the_rule_gives_the_delta_value_and_no_other(wrong):
    summed = doit(sympy.Sum(y[k] * delta(k, i), (k, 1, N)), N, in_range)
    assert summed == y[i]
    assert sympy.expand(summed - wrong) != 0


ZERO_OR_NOT = [
    sympy.exp(a[k]) * y[k] / Z,
    (delta(k, i) - sympy.exp(a[k]) / Z) * y[k],
    y[k] * sympy.Sum(sympy.exp(a[m]) * delta(m, i), (m, 1, N)) / Z**2,
    sympy.Sum(sympy.S.Zero * y[m], (m, 1, N)),  # a sum SymPy knows to be 0
    sympy.Sum(y[m] - y[m], (m, 1, N)) * y[k],
    sympy.exp(a[k]) - sympy.exp(a[i]),
    sympy.Symbol("zero", zero=True) * y[k],  # 0 by its assumptions, not as written
    sympy.Pow(sympy.Symbol("zero", zero=True), 2) + 0 * y[k],
    y[k] * delta(k, 3),
]


@pytest.mark.parametrize("term", ZERO_OR_NOT, ids=str)
def test_is_zero_with_its_dummies_renamed_is_sympys_answer(term):
    assert known(term, "positive") is bool(term.is_positive)
    fresh = sympy.Dummy("k", integer=True, positive=True)
    again = term.xreplace({k: fresh, m: sympy.Dummy("m", integer=True, positive=True)})
    assert known(term, "zero") is bool(term.is_zero)
    assert known(again, "zero") is bool(again.is_zero) is known(term, "zero")


def test_is_zero_says_zero_only_of_zero():
    zero = sympy.Symbol("zero", zero=True)
    assert known(zero * k * (1 + k), "zero")
    assert not known(k * (1 + k), "zero")  # its twin: a positive k
    assert not known(y[k] * sympy.Sum(y[m], (m, 1, N)), "zero")  # unknown is not 0


def test_opaque_terms():
    assert opaque(y[k] * sympy.log(sympy.exp(a[k]) / Z), k)
    assert opaque(y[k] ** 2 / (1 + sympy.exp(a[k])), k)
    assert not opaque(y[k] ** k, k)
    assert not opaque(y[k, i], k)
    assert not opaque(sympy.sin(y[k]), k)


@pytest.mark.parametrize("kind", [kind for kind, s in SHAPES.items() if s.symbolic is not None])
def test_the_mechanical_derivatives_are_sympys(kind):
    function, variables = SHAPES[kind].symbolic()
    derivative = sympy.diff(function, *variables)
    ruled = doit(derivative, N, lambda index: index in INDICES)
    assert ruled == _resolve(derivative.doit())
    assert not ruled.has(sympy.Piecewise)


def test_a_step_summed_by_rule_is_evaluated_as_sympy_does():
    side = sympy.Sum((delta(k, i) - sympy.exp(a[i]) / Z) * y[k], (k, 1, N)) + Z
    assert resolve(evaluate(side)) == resolve(side.doit())


STEPS = r"""
$$S_j = \frac{e^{a_j}}{\sum_k e^{a_k}}$$

For a one-hot label $y$, $L = -\sum_k y_k \log S_k$, and

$$
-\sum_k y_k (\delta_{ki} - S_i) = {rhs}
$$
"""


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"-y_i + S_i \sum_k y_k", "holds"),
        (r"y_i + S_i \sum_k y_k", "fails"),  # a sign flip
        (r"S_i \sum_k y_k", "fails"),  # the delta's term dropped
        (r"-y_j + S_i \sum_k y_k", "holds only"),  # the delta's index taken for another
    ],
    ids=["right", "sign flip", "missing delta", "wrong index"],
)
def test_a_delta_sum_in_a_document_is_judged(rhs, status):
    _, step = check_document(STEPS.replace("{rhs}", rhs)).steps
    assert step.status == status, step.summary


def test_a_wrong_delta_sum_is_refuted_with_a_counterexample():
    text = STEPS.replace("{rhs}", r"y_i + S_i \sum_k y_k")
    _, step = check_document(text).steps
    assert step.status == "fails" and step.counterexample is not None
