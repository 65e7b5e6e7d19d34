"""A counterexample shows the exact values and their floats; the float of a huge exact value is
computed without SymPy's Rational, and is the same float SymPy gives, at every magnitude."""

from __future__ import annotations

import flint
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symsoft.algebra.counterexample import _float, exact

magnitudes = st.integers(min_value=-1200, max_value=1200)
mantissas = st.integers(min_value=-(2**80), max_value=2**80).filter(bool)
denominators = st.integers(min_value=1, max_value=2**80)


@settings(max_examples=400, deadline=None)
@given(mantissas, denominators, magnitudes)
def test_the_float_is_sympys(numerator, denominator, magnitude):
    value = sympy.Rational(numerator, denominator) * sympy.Rational(2) ** magnitude
    assert repr(_float(value)) == repr(float(value))  # repr: the sign of a zero too
    assert repr(_float(flint.fmpq(int(value.p), int(value.q)))) == repr(float(value))


@pytest.mark.parametrize("exponent", [-1080, -1076, -1075, -1074, -1030, -1022, 1023, 1024, 1030])
@pytest.mark.parametrize("mantissa", [1, -1, 3, 2**53 - 1, 2**54 + 1, -(2**60 + 2**7 + 1)])
def test_the_edges_of_the_float_range(mantissa, exponent):
    value = sympy.Integer(mantissa) * sympy.Rational(2) ** exponent
    assert repr(_float(value)) == repr(float(value))


def test_a_value_of_a_million_digits_is_shown_and_floated():
    huge = flint.fmpq(flint.fmpz(3) ** 2_000_000, flint.fmpz(7) ** 1_000_000)
    shown = exact([("a_1", "0")], huge, 1 / huge)
    assert shown.lhs == "32317616635…(954243 digits)/10965141914…(845099 digits)"
    assert shown.lhs_float == float("inf") and shown.rhs_float == 0.0
    # the twin: a different value is not shown the same
    assert exact([("a_1", "0")], huge * 2, 1 / huge).lhs != shown.lhs
