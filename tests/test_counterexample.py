"""A counterexample shows the exact values and their floats; the float of a huge exact value is
computed without SymPy's Rational, and is the same float SymPy gives, at every magnitude.  The
LaTeX of each value is made from the value where the counterexample is built (JSON leaves it out).
"""

from __future__ import annotations

import flint
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symsoft.algebra.counterexample import _float, _latex, approximate, exact
from symsoft.results import plain

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
    shown = exact([("a_1", 0)], huge, 1 / huge)
    assert shown.lhs == "32317616635…(954243 digits)/10965141914…(845099 digits)"
    assert shown.lhs_float == float("inf") and shown.rhs_float == 0.0
    # the twin: a different value is not shown the same
    assert exact([("a_1", 0)], huge * 2, 1 / huge).lhs != shown.lhs
    assert shown.latex is not None and shown.latex.lhs is None  # too long to typeset


x, y1 = sympy.Symbol("x"), sympy.Symbol("y_1")
TYPESET = [
    (sympy.Integer(0), "0"),
    (sympy.Rational(-4, 25), "- \\frac{4}{25}"),
    (sympy.log(sympy.Rational(1, 2)), "- \\log{\\left(2 \\right)}"),
    (4 * sympy.log(sympy.Rational(2, 3)) / 3, "\\frac{4 \\log{\\left(\\frac{2}{3} \\right)}}{3}"),
    (y1 / 2 + 1, "\\frac{y_{1}}{2} + 1"),
    (sympy.exp(x) / (x + 1), "\\frac{e^{x}}{x + 1}"),
    (sympy.Float("1e-30", 20), "1.0 \\cdot 10^{-30}"),
    (sympy.pi, "\\pi"),
]
AS_TEXT = [
    x**2,
    sympy.sqrt(2),
    sympy.E,
    sympy.IndexedBase("a")[1],
    sympy.Symbol("ε"),
    sympy.sin(x),
    sympy.Rational(10**500, 3),
]


@pytest.mark.parametrize(("value", "latex"), TYPESET, ids=str)
def test_a_value_is_typeset_from_the_value_itself(value, latex):
    cx = exact([("x", value)], sympy.Integer(1), sympy.Rational(1, 2), others=[("a", value)])
    assert cx.latex is not None
    assert cx.latex.point == cx.latex.others == (latex,)
    assert (cx.latex.lhs, cx.latex.rhs) == ("1", "\\frac{1}{2}")


@pytest.mark.parametrize("value", AS_TEXT, ids=str)
def test_a_value_outside_numbers_names_and_log_stays_text(value):
    cx = exact([("x", value)], sympy.Integer(1), sympy.Integer(2))
    assert cx.latex is not None and cx.latex.point == (None,)
    assert cx.point == (("x", str(value)),)


def test_a_value_given_as_text_is_refused_never_parsed():
    with pytest.raises(TypeError, match="pass a SymPy value"):
        exact([("a_1", "log(2)")], sympy.Integer(1), sympy.Integer(2))


def test_the_json_leaves_the_latex_out():
    cx = exact([("a_1", sympy.log(2))], sympy.Integer(1), sympy.Integer(2))
    data = plain(cx)
    assert "latex" not in data and data["point"] == (("a_1", "log(2)"),)
    # the twin: the model itself carries it
    assert cx.latex is not None and cx.latex.point == ("\\log{\\left(2 \\right)}",)


def test_an_approximate_counterexample_typesets_its_decimals():
    cx = approximate([("z", 1)], sympy.Float(1), sympy.Float(2))
    assert cx.lhs == "1.0000000000000000000" and cx.latex is not None
    assert (cx.latex.lhs, cx.latex.rhs) == ("1.0", "2.0")


# The reports once read each value back from its text with a small grammar (numbers, names,
# + - * / ( ), log, exp).  The LaTeX made from the value is what that grammar gave.
def _read_back(text: str) -> sympy.Expr:
    import re

    tokens = re.findall(r"\d+(?:\.\d+)?(?:e[+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|\S", text)
    position = 0

    def take() -> str:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def expression() -> sympy.Expr:
        value = term()
        while peek() in ("+", "-"):
            value = value + term() if take() == "+" else value - term()
        return value

    def term() -> sympy.Expr:
        value = factor()
        while peek() in ("*", "/"):
            value = value * factor() if take() == "*" else value / factor()
        return value

    def factor() -> sympy.Expr:
        token = take()
        if token == "-":
            return -factor()
        if token == "(":
            value = expression()
            if take() != ")":
                raise ValueError("(")
            return value
        if token[0].isdigit():
            return sympy.Float(token, 20) if "." in token or "e" in token else sympy.Integer(token)
        if token in ("log", "exp") and peek() == "(":
            take()
            value = expression()
            if take() != ")":
                raise ValueError("(")
            return getattr(sympy, token)(value)
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", token):
            raise ValueError(token)
        return sympy.Symbol(token)

    value = expression()
    if position != len(tokens):
        raise ValueError("trailing text")
    return value


# The values the builders make: rationals, rationals times logarithms of rationals (the logits
# ``T log x``), and sums of them divided by a rational (what a linear hypothesis gives the
# variable it eliminates).  Not every expression: the text ``-(1 - log(2))/log(2)`` read back
# distributed the minus sign, where the value itself is typeset as it is.
rationals = st.builds(sympy.Rational, st.integers(-50, 50), st.integers(1, 50))
logarithms = rationals.filter(bool).map(lambda q: sympy.log(abs(q)))
terms = st.builds(lambda q, f: q * f, rationals, st.just(sympy.Integer(1)) | logarithms)
values = st.builds(
    lambda parts, divisor: sympy.Add(*parts) / divisor,
    st.lists(terms, min_size=1, max_size=4),
    rationals.filter(bool),
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_the_latex_is_what_reading_the_text_back_gave(value):
    latex = _latex(value, str(value))
    if latex is None:  # a power: the grammar did not read it either
        with pytest.raises((ValueError, IndexError)):
            _read_back(str(value))
    else:
        assert latex == sympy.latex(_read_back(str(value)))
