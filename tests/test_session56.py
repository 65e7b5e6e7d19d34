"""Session 56: functions of a Greek variable (``b(\\theta)``, ``\\mathcal{L}(\\beta)``), a
calligraphic loss written primed, and equations said after "then", "note that", "it follows
that". Each reading that lets a step hold has a wrong twin that is flagged."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

GREEK_VARIABLE = (
    "The log-partition function is $b(\\theta) = \\log(1 + e^{\\theta})$, so\n\n"
    "$$b'(\\theta) = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\frac{e^{\\theta}}{1 + e^{\\theta}}", "holds"),
        ("\\frac{e^{\\theta}}{1 - e^{\\theta}}", "fails"),
        ("\\frac{1}{1 + e^{\\theta}}", "fails"),
    ],
)
def test_a_function_of_a_greek_variable_is_differentiated(right, status):
    assert [s for s, _ in _steps(GREEK_VARIABLE.replace("RIGHT", right))] == [status]


CALLIGRAPHIC_OF_BETA = (
    "Let $\\mathcal{L}(\\beta) = (y - \\beta)^2$. Then\n\n"
    "$$\\frac{d\\mathcal{L}}{d\\beta} = LEIBNIZ$$\n\n"
    "$$\\mathcal{L}'(\\beta) = PRIMED$$\n"
)


@pytest.mark.parametrize(
    ("leibniz", "primed", "statuses"),
    [
        ("2(\\beta - y)", "-2(y - \\beta)", ["holds", "holds"]),
        ("2(y - \\beta)", "2(y - \\beta)", ["fails", "fails"]),
    ],
)
def test_a_calligraphic_loss_of_a_greek_variable_in_both_notations(leibniz, primed, statuses):
    text = CALLIGRAPHIC_OF_BETA.replace("LEIBNIZ", leibniz).replace("PRIMED", primed)
    assert [s for s, _ in _steps(text)] == statuses


@pytest.mark.parametrize("lead", ["Then", "Note that", "It follows that", "That is,"])
@pytest.mark.parametrize(
    ("right", "status"), [("2\\alpha + 3", "holds"), ("2\\alpha - 3", "fails")]
)
def test_a_derivative_said_after_then_is_a_claim(lead, right, status):
    text = f"Let $f(\\alpha) = \\alpha^2 + 3\\alpha$. {lead} $f'(\\alpha) = {right}$.\n"
    assert [s for s, _ in _steps(text)] == [status]


@pytest.mark.parametrize("lead", ["If $\\alpha > 0$, then", "Suppose we then had"])
def test_then_after_a_condition_is_no_claim(lead):
    text = f"Let $f(\\alpha) = \\alpha^2 + 3\\alpha$. {lead} $f'(\\alpha) = 2\\alpha - 3$.\n"
    assert _steps(text) == []


CASE_THEN = (
    "Let $a_i = e^{z_i}/\\sum_k e^{z_k}$ be the softmax.\n\n"
    "If $i = j$ then $\\frac{\\partial a_i}{\\partial z_j} = RIGHT$.\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("a_i(1 - a_j)", "holds"), ("a_i(1 + a_j)", "fails")]
)
def test_if_an_index_case_then_a_derivative_is_a_claim_in_that_case(right, status):
    found = _steps(CASE_THEN.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found
    assert "when i = j" in found[0][1], found
