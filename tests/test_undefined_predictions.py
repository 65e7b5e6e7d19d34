"""Two ways a correct step was flagged in real posts: a loss that takes the logarithm of a
prediction the text never defines (read as a free variable), and a counterexample that was
rounding (``\\log \\frac{y}{1-y}`` at a point where 1 - y cancels 169 digits). Each test that
withholds a flag has a twin with a plausible slip that is still flagged."""

from __future__ import annotations

import sympy

from symsoft.algebra.prover import prove
from symsoft.reading.document import check_document

DISTILLATION = (
    r"The softened output is $p_i = \frac{e^{z_i/T}}{\sum_{j=1}^d e^{z_j/T}}$."
    "\n\nThe loss is the cross entropy:\n$$\n\\mathcal{L} = -\\sum_i p_i \\log(q_i)\n$$\n\n"
    "The gradient w.r.t. the student logit $z_i$ is:\n\n$$\n"
)


def last(text: str):
    return check_document(text).steps[-1]


def test_a_logarithm_of_an_undefined_prediction_is_no_free_variable_to_refute_at():
    result = last(
        DISTILLATION
        + r"\frac{\partial \mathcal{L}}{\partial z_i} = \frac{1}{T}(q_i - p_i)"
        + "\n$$\n"
    )
    assert result.status == "not checked"
    assert "q is a free variable, which the document does not state" in result.summary


def test_twin_the_prediction_defined_and_the_temperature_dropped_is_flagged():
    text = (
        r"Student $q_i = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}$, teacher "
        r"$p_i = \frac{e^{v_i/T}}{\sum_j e^{v_j/T}}$, soft targets that sum to one."
        "\n\n$$\n\\mathcal{L} = -\\sum_i p_i \\log(q_i)\n$$\n\n$$\n"
    )
    holds = last(
        text + r"\frac{\partial \mathcal{L}}{\partial z_i} = \frac{1}{T}(q_i - p_i)" + "\n$$\n"
    )
    slip = last(text + r"\frac{\partial \mathcal{L}}{\partial z_i} = T(q_i - p_i)" + "\n$$\n")
    assert holds.status == "holds"
    assert slip.status == "fails"


def test_twin_a_prediction_the_text_differentiates_by_is_still_free():
    text = (
        "For a label $y$ and a prediction $\\hat{y}$:\n\n"
        "$$\nL = -y \\log \\hat{y} - (1 - y) \\log(1 - \\hat{y})\n$$\n\n$$\n"
    )
    holds = last(
        text
        + r"\frac{\partial L}{\partial \hat{y}} = -\frac{y}{\hat{y}} + \frac{1 - y}{1 - \hat{y}}"
        + "\n$$\n"
    )
    slip = last(
        text
        + r"\frac{\partial L}{\partial \hat{y}} = -\frac{y}{\hat{y}} - \frac{1 - y}{1 - \hat{y}}"
        + "\n$$\n"
    )
    assert holds.status == "holds"
    assert slip.status == "fails"


LOG_ODDS = (
    "$$\ny = \\frac{1}{1 + e^{-z}}\n$$\n\n"
    "将 $z = \\boldsymbol{w}^T \\boldsymbol{x} + b$ 代入上式得：\n\n$$\n"
)


def test_the_log_odds_of_the_sigmoid_is_not_refuted_by_rounding():
    result = last(
        LOG_ODDS + r"\ln \frac{y}{1 - y} = \boldsymbol{w}^T \boldsymbol{x} + b" + "\n$$\n"
    )
    assert result.status not in ("fails", "holds only")


def test_twin_the_log_odds_with_the_bias_subtracted_is_flagged():
    result = last(
        LOG_ODDS + r"\ln \frac{y}{1 - y} = \boldsymbol{w}^T \boldsymbol{x} - b" + "\n$$\n"
    )
    assert result.status == "fails"


def test_a_difference_that_is_rounding_is_no_counterexample():
    x = sympy.Symbol("x", real=True)
    y = 1 / (1 + sympy.exp(-x))
    assert prove(sympy.log(y / (1 - y)), x).status != "refuted"
    assert prove(sympy.log(y / (1 - y)), x + 1).status == "refuted"
