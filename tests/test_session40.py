"""Session 40: dot products read as numbers in steps without derivatives; meanings said in words
that withdraw symsoft's defaults; hypotheses and cases negated or withdrawn in other languages.
Each reading that lets a step hold has a wrong twin that does not hold."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

LABELS = "Logistic regression with labels $y \\in \\{-1, 1\\}$ and $P(Y = y \\mid X)$.\n\n"


@pytest.mark.parametrize(
    ("step", "holds"),
    [
        ("\\frac{1}{1+e^{w^\\top x}} = \\sigma(-w^\\top x)", True),
        ("\\frac{1}{1+e^{w^\\top x}} = \\sigma(w^\\top x)", False),  # the sign slip
        ("\\frac{1}{1+e^{-yw^\\top x}} = \\sigma(yw^\\top x)", True),
        ("\\frac{1}{1+e^{-yw^\\top x}} = \\sigma(-yw^\\top x)", False),
        ("\\frac{1}{1+e^{\\beta^T x}} = \\sigma(-\\beta^T x)", True),
        ("\\frac{1}{1+e^{\\beta^T x}} = 1 - \\sigma(-\\beta^T x)", False),
        ("\\frac{e^{w^T x}}{1+e^{w^T x}} = \\frac{1}{1+e^{-x^T w}}", True),  # x^T w is w^T x
        (
            "-\\sum_{i=1}^{n} \\log \\left(\\frac{1}{1 + e^{-y_i (w^\\top x_i)}}\\right)"
            " = \\sum_{i=1}^{n} \\log \\left(1 + e^{-y_i (w^\\top x_i)}\\right)",
            True,
        ),
        (
            "-\\sum_{i=1}^{n} \\log \\left(\\frac{1}{1 + e^{-y_i (w^\\top x_i)}}\\right)"
            " = -\\sum_{i=1}^{n} \\log \\left(1 + e^{-y_i (w^\\top x_i)}\\right)",
            False,
        ),
    ],
)
def test_a_dot_product_is_read_as_one_number_in_a_step_without_derivatives(step, holds):
    status, summary = _steps(LABELS + f"$${step}$$\n")[0]
    if holds:
        assert status == "holds", summary
    else:
        # a failure for some number need not be one for the author's vectors: not flagged
        assert status == "not checked", summary


@pytest.mark.parametrize(
    "step",
    [
        # W a matrix: W^T x = x^T W is false (a column and a row), never read as numbers
        "W^\\top x = x^\\top W",
        # w, y left outside the dot products: vectors ((w·x) y is no (y·x) w), not numbers
        "(w^\\top x) y = (y^\\top x) w",
        # two indices: u_w^T v_c is no number this reading names
        "\\frac{1}{1+e^{-u_w^\\top v_c}} = \\sigma(u_w^\\top v_c)",
    ],
)
def test_dot_products_that_are_not_read_as_numbers(step):
    status, summary = _steps(LABELS + f"$${step}$$\n")[0]
    assert status == "not checked", summary
    assert "each read as one number" not in summary


def test_a_transpose_beside_a_temperature_is_not_read_as_a_dot_product():
    # with a temperature T in the text, w^T may be a power: not read as w^\top x
    text = "At the temperature $T = 2$ the scores are divided by T.\n\n"
    status, summary = _steps(text + "$$\\frac{1}{1+e^{w^T x}} = \\sigma(-w^T x)$$\n")[0]
    assert status == "not checked", summary
    status, summary = _steps(text + "$$\\frac{1}{1+e^{w^\\top x}} = \\sigma(-w^\\top x)$$\n")[0]
    assert status == "holds", summary  # \top is no power
