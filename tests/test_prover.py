"""The decision procedure: true identities in many spellings are proved, plausible wrong ones
are refuted with a counterexample that really is one."""

from __future__ import annotations

import flint
import pytest
import sympy
from conftest import differ_at
from hypothesis import given, settings
from hypothesis import strategies as st

import symsoft
from symsoft import one_hot, prove, sum_to_one
from symsoft.algebra import rational

s3 = symsoft.softmax(3)
a1, a2, a3 = s3.logits
S1, S2, S3 = s3.outputs
Z = s3.partition_sum
E1, E2, E3 = (sympy.exp(x) for x in s3.logits)
ce = symsoft.cross_entropy(3)
p1, p2, p3 = ce.probabilities.outputs
y1, y2, y3 = ce.targets
dL1 = ce.derivative(1)
D12 = s3.derivative(1, 2)
D11 = s3.derivative(1, 1)

TRUE = {
    "off-diagonal, product form": (D12, -S1 * S2),
    "off-diagonal, sum written out": (D12, -E1 * E2 / (E1 + E2 + E3) ** 2),
    "off-diagonal, merged exponential": (D12, -sympy.exp(a1 + a2) / Z**2),
    "off-diagonal, Kronecker delta": (D12, S1 * (sympy.KroneckerDelta(1, 2) - S2)),
    "diagonal, factored": (D11, S1 * (1 - S1)),
    "diagonal, expanded": (D11, S1 - S1**2),
    "diagonal, exp(2 a_1)": (D11, E1 / Z - sympy.exp(2 * a1) / Z**2),
    "diagonal, Kronecker delta": (D11, S1 * (sympy.KroneckerDelta(1, 1) - S1)),
    "diagonal, rest of the sum": (D11, E1 * (E2 + E3) / Z**2),
    "softmax sums to 1": (S1 + S2 + S3, 1),
    "gradient, general targets": (dL1, p1 * (y1 + y2 + y3) - y1),
    "gradient, expanded": (dL1, p1 * y1 + p1 * y2 + p1 * y3 - y1),
    "loss, log-sum-exp form": (
        ce.loss,
        -sum(
            y * (o - sympy.log(ce.probabilities.partition_sum))
            for y, o in zip(ce.targets, ce.logits, strict=True)
        ),
    ),
}

WRONG = {
    "off-diagonal, sign flip": (D12, S1 * S2),
    "off-diagonal, diagonal formula": (D12, S1 * (1 - S2)),
    "off-diagonal, squared": (D12, -(S1**2)),
    "off-diagonal, factor of 2": (D12, -2 * S1 * S2),
    "diagonal, sign flip": (D11, -S1 * (1 - S1)),
    "diagonal, S_i^2": (D11, S1**2),
    "diagonal, missing delta": (D11, -S1 * S1),
    "diagonal, swapped index": (D11, S2 * (1 - S2)),
    "diagonal, quotient rule slip": (D11, S1 + S1**2),
    "gradient, p - y without hypothesis": (dL1, p1 - y1),
    "gradient, y - p": (dL1, y1 - p1 * (y1 + y2 + y3)),
    "gradient, p + y": (dL1, p1 * (y1 + y2 + y3) + y1),
    "gradient, swapped index": (dL1, p2 * (y1 + y2 + y3) - y1),
    "gradient, factor of 2": (dL1, 2 * (p1 * (y1 + y2 + y3) - y1)),
    "softmax sums to 2": (S1 + S2 + S3, 2),
    "loss, off by one": (ce.loss, ce.loss + 1),
}


@pytest.mark.parametrize("name", TRUE)
def test_true_identities_are_proved(name):
    lhs, rhs = TRUE[name]
    verdict = prove(lhs, rhs)
    assert verdict.status == "proved", verdict.reason
    assert verdict.certificate and "zero polynomial" in verdict.certificate


@pytest.mark.parametrize("name", WRONG)
def test_wrong_identities_are_refuted_with_a_real_counterexample(name):
    lhs, rhs = WRONG[name]
    verdict = prove(lhs, rhs)
    assert verdict.status == "refuted", verdict.reason
    assert differ_at(lhs, rhs, verdict.counterexample)


def test_normalised_gradient_needs_its_hypothesis():
    assert prove(dL1, p1 - y1, [sum_to_one(ce.targets)]).status == "proved"
    assert prove(dL1, p1 - y1, [one_hot(ce.targets)]).status == "proved"
    assert prove(dL1, p1 - y1).status == "refuted"


@pytest.mark.parametrize("wrong", [y1 - p1, p1 + y1, 2 * (p1 - y1), p2 - y1, p1 - y2])
@pytest.mark.parametrize("hypothesis", ["sum-to-one", "one-hot"])
def test_wrong_gradients_are_refuted_under_the_hypothesis(wrong, hypothesis):
    assumption = sum_to_one(ce.targets) if hypothesis == "sum-to-one" else one_hot(ce.targets)
    verdict = prove(dL1, wrong, [assumption])
    assert verdict.status == "refuted"
    values = dict(verdict.counterexample.point)
    targets = [sympy.Rational(values[str(y)]) for y in ce.targets if str(y) in values]
    if len(targets) == 3:  # the point respects the hypothesis it was found under
        assert sum(targets) == 1


def test_temperature_is_a_rational_function_of_exp_a_over_t():
    t = sympy.Symbol("T", positive=True)
    scaled = [sympy.exp(x / t) for x in s3.logits]
    soft = scaled[0] / sum(scaled)
    derivative = sympy.diff(soft, a2)
    assert prove(derivative, -soft * scaled[1] / sum(scaled) / t).status == "proved"
    verdict = prove(derivative, -soft * scaled[1] / sum(scaled))
    assert verdict.status == "refuted"
    assert differ_at(derivative, -soft * scaled[1] / sum(scaled), verdict.counterexample)


def test_euler_number_and_constant_exponentials():
    assert prove(sympy.exp(a1 + 1), sympy.E * E1).status == "proved"
    assert prove(sympy.exp(a1 + 2), sympy.E * E1).status == "refuted"


def test_inexact_or_unsupported_input_is_unknown_not_proved():
    assert prove(sympy.Float(0.5) * S1, S1 / 2).status == "unknown"
    i = sympy.Symbol("i", integer=True)
    indexed = sympy.IndexedBase("S")[i]
    assert prove(indexed, indexed + 0).status in ("unknown", "proved")
    assert prove(indexed, 2 * indexed).status == "unknown"


def test_outside_the_decided_class_the_verdict_is_honest():
    x = sympy.Symbol("x", real=True)
    # sqrt(x^2) = |x| is not x: refuted numerically, never proved
    assert prove(sympy.sqrt(x**2), x).status == "refuted"
    # true, but sin and cos are not rational in exponentials: unknown, never refuted
    verdict = prove(sympy.sin(x) ** 2 + sympy.cos(x) ** 2, 1)
    assert verdict.status == "unknown"
    assert "sin" in verdict.reason or "cos" in verdict.reason


def test_strings_are_rejected_not_parsed():
    with pytest.raises(symsoft.SymsoftError, match="string"):
        prove("__import__('os')", S1)


def test_a_verdict_has_no_truth_value():
    with pytest.raises(TypeError):
        bool(prove(S1, S1))


# --- property tests --------------------------------------------------------------------------

sizes = st.integers(min_value=2, max_value=5)


@st.composite
def entries(draw):
    n = draw(sizes)
    i = draw(st.integers(1, n))
    j = draw(st.integers(1, n))
    return n, i, j


@settings(max_examples=25, deadline=None)
@given(entries(), st.integers(1, 4), st.integers(1, 3))
def test_rewritten_closed_forms_are_proved(entry, power, shift):
    n, i, j = entry
    s = symsoft.softmax(n)
    closed = s[i] * (sympy.KroneckerDelta(i, j) - s[j])
    # multiply numerator and denominator by a positive factor, expand, then restore
    factor = (sympy.exp(s.logits[(i + shift) % n]) + shift) ** power
    rewritten = sympy.expand(closed * factor) / factor
    assert prove(s.derivative(i, j), rewritten).status == "proved"


@settings(max_examples=25, deadline=None)
@given(entries(), st.sampled_from(["sign", "scale", "shift", "square", "delta"]))
def test_perturbed_closed_forms_are_refuted(entry, how):
    n, i, j = entry
    s = symsoft.softmax(n)
    closed = s[i] * (sympy.KroneckerDelta(i, j) - s[j])
    wrong = {
        "sign": -closed,
        "scale": sympy.Rational(3, 2) * closed,
        "shift": closed + s[i] * s[j] / 7,
        "square": closed**2,
        "delta": s[i] * (1 - sympy.KroneckerDelta(i, j) - s[j]),
    }[how]
    verdict = prove(s.derivative(i, j), wrong)
    assert verdict.status == "refuted"
    assert differ_at(s.derivative(i, j), wrong, verdict.counterexample)


def test_integer_variables_keep_integer_values_in_counterexamples():
    k = sympy.Symbol("k", integer=True)
    verdict = prove(sympy.exp(k) + 1, sympy.exp(k))
    assert verdict.status == "refuted"
    value = dict(verdict.counterexample.point)["k"]
    assert sympy.Integer(value) == int(value)  # an integer, not log(…)
    assert prove(sympy.exp(2 * k), sympy.exp(k) ** 2).status == "proved"


def test_too_large_is_unknown_never_proved():
    from symsoft.algebra import rational

    x = sympy.Symbol("x", positive=True)
    verdict = prove((1 + x + x**2) ** 100000, (1 + x + x**2) ** 100000 + 1)
    assert verdict.status == "unknown" and "too large" in verdict.reason
    assert rational.shown(sympy.Rational(-(3**5000), 7)).startswith("-")
    assert rational.shown(sympy.Rational(-(3**5000), 7)).endswith("…(2386 digits)/7")


_R = rational
_X, _Y = _R.ring(("x", "y")).gens
_ONE = _R.ring(("x", "y")).one
_DENOMINATORS = [_ONE, _X, _X - 1, _X * _Y - 2, (_X - 1) * (_Y + 1), _X**2 - _Y]
_NUMERATORS = [_ONE, _X, _Y - 3, _X * _Y + _X, (_X - 1) * (_Y + 1), _X * 0]


def _old_sides(difference, first, second, point):
    """What the counterexample search decided before rational.apart: the difference, then
    both sides."""
    value = _R.evaluate(difference, point)
    left, right = _R.evaluate(first, point), _R.evaluate(second, point)
    if value is None or value == 0 or left is None or right is None:
        return None
    return left, right


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(*[st.integers(0, len(_NUMERATORS) - 1), st.integers(0, len(_DENOMINATORS) - 1)] * 2),
    st.sampled_from(["add", "sub", "sharing"]),
    st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
)
def test_apart_decides_as_evaluating_the_difference_did(picks, how, point):
    first = (_NUMERATORS[picks[0]], _DENOMINATORS[picks[1]])
    second = (_NUMERATORS[picks[2]], _DENOMINATORS[picks[3]])
    negated = (-second[0], second[1])
    difference = {
        "add": lambda: _R.add(first, negated),
        "sub": lambda: _R.sub(first, second),
        "sharing": lambda: _R.add_sharing(first, negated),
    }[how]()
    values = [flint.fmpq(v) for v in point]
    expected = _old_sides(difference, first, second, values)
    assert _R.apart(difference, first, second, values) == expected
    assert _R.apart(difference, first, second, values, sides_always=True) == expected


def test_apart_of_equal_sides_is_none_and_of_different_sides_is_their_values():
    values = [flint.fmpq(2), flint.fmpq(5)]
    same = (_X + _Y, _X - 1)
    assert _R.apart(_R.sub(same, same), same, same, values) is None
    other = (_X + _Y + 1, _X - 1)  # its twin: one more in the numerator
    assert _R.apart(_R.sub(same, other), same, other, values) == (7, 8)
