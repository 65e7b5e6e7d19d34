"""Session 52: readings a text's own words decide. Each reading that lets a step hold (or
leaves it unjudged) has a wrong twin that is still flagged."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

DEFINED = (
    "Let $\\mathbf{p} = \\operatorname{softmax}(\\mathbf{z})$ and $L = -\\sum_k y_k \\log p_k$ "
    "with $\\sum_k y_k = 1$.\n\n"
)


@pytest.mark.parametrize(
    ("said", "right", "status"),
    [
        ("We use the numerator layout throughout. ", "\\mathbf{p} - \\mathbf{y}", "not checked"),
        ("", "\\mathbf{p} - \\mathbf{y}", "holds"),
        ("We use the numerator layout throughout. ", "\\mathbf{y} - \\mathbf{p}", "fails"),
        ("We use the denominator layout. ", "\\mathbf{p} - \\mathbf{y}", "holds"),
    ],
)
def test_numerator_layout_said_makes_a_column_gradient_ambiguous(said, right, status):
    # in the numerator layout dL/dz of a number by a column vector is a row: p - y (a column)
    # holds only under the gradient-as-column reading the text does not use
    text = said + DEFINED + f"$$\\frac{{\\partial L}}{{\\partial \\mathbf{{z}}}} = {right}$$\n"
    found = _steps(text)
    assert found[0][0] == status, found
    if status == "not checked":
        assert "numerator layout" in found[0][1], found


def test_numerator_layout_keeps_a_jacobian_judged():
    text = "We use the numerator layout throughout. " + DEFINED
    good = "\\operatorname{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^T"
    jacobian = "$$\\frac{\\partial \\mathbf{p}}{\\partial \\mathbf{z}} = "
    assert _steps(text + jacobian + good + "$$\n")[0][0] == "holds"
    wrong = "\\operatorname{diag}(\\mathbf{p}) + \\mathbf{p}\\mathbf{p}^T"
    assert _steps(text + jacobian + wrong + "$$\n")[0][0] == "fails"


def test_xtx_gradient_in_the_numerator_layout():
    text = (
        "We use the numerator layout: the derivative of a scalar by a column vector is a row.\n\n"
        "$$\\frac{\\partial (\\mathbf{x}^T \\mathbf{x})}{\\partial \\mathbf{x}} = 2\\mathbf{x}$$\n"
    )
    found = _steps(text)
    assert found[0][0] == "not checked" and "numerator layout" in found[0][1], found
    found = _steps(text.replace("We use the numerator layout: ", "Note: "))
    assert found[0][0] == "holds", found


NG_BATCH = (
    "PRE$z^{(i)} = w^T x^{(i)} + b$ and $A^{(i)} = \\sigma(z^{(i)})$. The cost is\n\n"
    "$$J(w, b) = -\\frac{1}{m}\\sum_{i=1}^m \\left(y^{(i)} \\log A^{(i)} + (1 - y^{(i)}) "
    "\\log(1 - A^{(i)})\\right)$$\n\n"
    "$$\\frac{\\partial J}{\\partial w_j} = RIGHT$$\n"
)


@pytest.mark.parametrize("lead", ["Let ", "For example $i$, ", "where "])
@pytest.mark.parametrize("prediction", ["\\hat{y}", "a"])
@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\frac{1}{m}\\sum_{i=1}^m x_j^{(i)}(A^{(i)} - y^{(i)})", "holds"),
        ("\\frac{1}{m}\\sum_{i=1}^m x_j^{(i)}(y^{(i)} - A^{(i)})", "fails"),  # the sign
        ("\\sum_{i=1}^m x_j^{(i)}(A^{(i)} - y^{(i)})", "fails"),  # the 1/m dropped
    ],
)
def test_a_batch_defined_per_sample_in_a_sentence_is_the_data_model(
    lead, prediction, right, status
):
    # Ng's notes: z^{(i)} and a^{(i)} defined in a sentence, the cost summed over the samples;
    # the sentence's a^{(i)} = σ(z^{(i)}) is about the samples, not one example to respell
    text = NG_BATCH.replace("PRE", lead).replace("RIGHT", right)
    found = _steps(text.replace("A^", prediction + "^"))
    assert found[0][0] == status, found
    if status == "holds":
        assert "m samples" in found[0][1], found
