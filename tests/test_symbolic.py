"""``reading.judge.symbolic``: a logarithm's argument as one fraction of positive parts, the
answer for an argument without sums remembered; the remembered answer is the one computed
afresh."""

from __future__ import annotations

import pytest
import sympy

from symsoft.reading.judge import symbolic

a, c = sympy.symbols("a c", real=True)
u, t = sympy.IndexedBase("u"), sympy.IndexedBase("t")
k = sympy.Dummy("k", integer=True, positive=True)
N = sympy.Symbol("N", integer=True, positive=True)
q = 1 / (1 + sympy.exp(-(a * u[k] + c)))  # σ(a u_k + c)

ARGUMENTS = [
    1 - q,
    q**2 * (1 - q),
    sympy.exp(a) / (sympy.exp(a) + sympy.exp(c)),
    sympy.exp(a) + 1,  # no fraction: None
]
UNSPLIT = [q, a * u[k]]  # a power, no exponential: None, before any memory


@pytest.mark.parametrize("argument", ARGUMENTS, ids=range(len(ARGUMENTS)))
def test_the_remembered_fraction_is_the_one_computed_afresh(argument: sympy.Expr) -> None:
    symbolic._FRACTIONS.clear()
    fresh = symbolic._fraction_of(argument)
    assert symbolic._positive_fraction(argument) == fresh
    assert symbolic._positive_fraction(argument) == fresh  # from memory, where kept


@pytest.mark.parametrize("argument", UNSPLIT, ids=range(len(UNSPLIT)))
def test_an_argument_refused_at_once_is_not_remembered(argument: sympy.Expr) -> None:
    symbolic._FRACTIONS.clear()
    assert symbolic._positive_fraction(argument) is None
    assert not symbolic._FRACTIONS


def test_an_argument_with_a_sum_is_not_remembered() -> None:
    symbolic._FRACTIONS.clear()
    total = sympy.Sum(u[k], (k, 1, N))  # w^T x as one real number: a fresh dummy each time
    argument = 1 - 1 / (1 + sympy.exp(-total))
    assert symbolic._positive_fraction(argument) == (1, sympy.exp(total) + 1)
    assert not symbolic._FRACTIONS
    plain = 1 - 1 / (1 + sympy.exp(-a))  # its twin without the sum is kept
    assert symbolic._positive_fraction(plain) == (1, sympy.exp(a) + 1)
    assert list(symbolic._FRACTIONS) == [plain]


def test_the_logarithms_split_as_before_when_asked_again() -> None:
    likelihood = t[k] * sympy.log(q) + (1 - t[k]) * sympy.log(1 - q)
    symbolic._FRACTIONS.clear()
    first = symbolic.expand_logs(likelihood)
    assert symbolic._FRACTIONS  # (the factors were asked)
    assert symbolic.expand_logs(likelihood) == first
    symbolic._FRACTIONS.clear()
    assert symbolic.expand_logs(likelihood) == first
