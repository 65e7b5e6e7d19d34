"""Vector chain rules and vector spellings: a product of a gradient and Jacobians read entry by
entry (the gradient a row in the numerator layout), an accent inside the bold
(``\\mathbf{\\hat{y}}``), a scalar function written with its argument (``J(\\mathbf{w})``), the
derivative of a group written with vectors, a closed fraction times a written-out column, the
indicator ``\\mathbf{1}\\{i=j\\}``, and a gradient written without bold beside logits."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = (
    "The probabilities are\n\n"
    "$$\n\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}\n$$\n\n"
    "and the loss\n\n"
    "$$\nL = -\\sum_k y_k \\log \\hat{y}_k\n$$\n\n"
    "$$\nSTEP\n$$\n"
)


def _status(document: str, step: str) -> str:
    steps = check_document(document.replace("STEP", step)).steps
    return steps[-1].status


@pytest.mark.parametrize(
    ("step", "status"),
    [
        # numerator layout: the gradient a row, before the Jacobian
        (
            r"\frac{\partial L}{\partial \mathbf{z}} = \frac{\partial L}{\partial \hat{\mathbf{y}}}"
            r" \frac{\partial \hat{\mathbf{y}}}{\partial \mathbf{z}}",
            "holds",
        ),
        # spellings of the same: \mathbf{\hat{y}}, \mathbb{\hat{y}}, L written with its argument
        (
            r"\frac{\partial L(\mathbf{z})}{\partial \mathbf{z}} = \frac{\partial L}"
            r"{\partial \mathbf{\hat{y}}} \frac{\partial \mathbb{\hat{y}}}{\partial \mathbb{z}}",
            "holds",
        ),
        # denominator layout: the Jacobian first
        (
            r"\frac{\partial L}{\partial \mathbf{z}} = \frac{\partial \hat{\mathbf{y}}}"
            r"{\partial \mathbf{z}} \frac{\partial L}{\partial \hat{\mathbf{y}}}",
            "holds",
        ),
        # the Jacobian upside down: by ŷ, which z is not defined from
        (
            r"\frac{\partial L}{\partial \mathbf{z}} = \frac{\partial L}{\partial \hat{\mathbf{y}}}"
            r" \frac{\partial \mathbf{z}}{\partial \hat{\mathbf{y}}}",
            "not checked",
        ),
    ],
)
def test_a_chain_rule_of_a_gradient_and_a_jacobian(step, status):
    assert _status(SOFTMAX, step) == status


def test_a_chain_rule_with_a_sign_flip_is_flagged():
    step = (
        r"\frac{\partial L}{\partial \mathbf{z}} = -\frac{\partial L}{\partial \hat{\mathbf{y}}}"
        r" \frac{\partial \hat{\mathbf{y}}}{\partial \mathbf{z}}"
    )
    assert _status(SOFTMAX, step) == "fails"


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial L}{\partial \mathbf{z}} = \hat{\mathbf{y}} - \mathbf{y}", "holds"),
        (r"\frac{\partial L}{\partial \mathbf{z}} = \mathbf{y} - \hat{\mathbf{y}}", "fails"),
        (r"\frac{\partial L}{\partial \mathbf{z}} = \mathbf{\hat{y}} - \mathbf{y}", "holds"),
        (r"\frac{\partial L}{\partial \mathbf{z}} = \mathbb{y} - \mathbb{\hat{y}}", "fails"),
    ],
)
def test_an_accent_inside_the_bold_is_the_vector_under_the_accent(step, status):
    (result,) = check_document(SOFTMAX.replace("STEP", step)).steps[-1:]
    assert result.status == status
    if status == "holds":  # given the labels sum to one, which the text does not state
        assert "Σ_j y_j = 1" in result.summary


@pytest.mark.parametrize(
    ("entries", "status"),
    [
        (r"e^{z_1} \\ \vdots \\ e^{z_K}", "holds"),
        (r"e^{-z_1} \\ \vdots \\ e^{-z_K}", "fails"),  # a sign flip in every entry
    ],
)
def test_a_closed_fraction_times_a_written_out_column(entries, status):
    step = (
        r"\hat{\mathbf{y}} = \frac{1}{\sum_{k=1}^K e^{z_k}} \begin{bmatrix} "
        + entries
        + r" \end{bmatrix}"
    )
    assert _status(SOFTMAX, step) == status


@pytest.mark.parametrize(
    "fraction", [r"\frac{1}{Z}", r"\frac{e^{z_k}}{\sum_k e^{z_k}}", r"\frac{1}{\sum_k e^{z_j}}"]
)
def test_a_fraction_with_a_free_letter_or_index_beside_a_vector_is_not_read(fraction):
    step = rf"\hat{{\mathbf{{y}}}} = {fraction} \begin{{bmatrix}} 1 \\ \vdots \\ 1 \end{{bmatrix}}"
    assert _status(SOFTMAX, step) == "not checked"


def test_a_fraction_with_a_free_letter_beside_a_vector_is_not_read():
    step = (
        r"\hat{\mathbf{y}} = \frac{1}{Z} \begin{bmatrix} e^{z_1} \\ \vdots \\ e^{z_K} \end{bmatrix}"
    )
    assert _status(SOFTMAX, step) == "not checked"


@pytest.mark.parametrize(
    "one",
    [
        r"\mathbf{1}\{i=j\}",
        r"\mathbf{\large1} \{i=j\}",
        r"\mathbb{1}\{i = j\}",
        "1_{i=j}",
        "[i=j]",
        r"\boldsymbol{1}(i = j)",
    ],
)
def test_the_indicator_in_every_spelling(one):
    left = r"\frac{\partial \hat{y}_i}{\partial z_j}"
    holds = rf"{left} = {one} \hat{{y}}_i - \hat{{y}}_i \hat{{y}}_j"
    swapped = rf"{left} = {one} \hat{{y}}_j - \hat{{y}}_i"
    assert _status(SOFTMAX, holds) == "holds"
    assert _status(SOFTMAX, swapped) == "fails"


LOGISTIC = (
    "With a bias $b$ and weights $\\mathbf{w}$,\n\n"
    "$$\n\\hat{y} = \\sigma(\\mathbf{w}^T\\mathbf{x} + b)\n$$\n\n"
    "$$\nSTEP\n$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (
            r"\frac{\partial (\mathbf{w}^T\mathbf{x} + b)}{\partial \mathbf{w}} = \mathbf{x}",
            "holds",
        ),
        (
            r"\frac{\partial (\mathbf{w}^T\mathbf{x} + b)}{\partial \mathbf{w}} = \mathbf{w}",
            "fails",
        ),
        (
            r"\frac{\partial (\mathbf{w}^T\mathbf{x} + b)}{\partial \mathbf{x}} = \mathbf{w}",
            "holds",
        ),
        (
            r"\frac{\partial (\mathbf{x} \odot \mathbf{w})}{\partial \mathbf{x}}"
            r" = \operatorname{diag}(\mathbf{w})",
            "holds",
        ),
        (
            r"\frac{\partial (\mathbf{x} \odot \mathbf{w})}{\partial \mathbf{x}}"
            r" = \mathbf{w} \mathbf{w}^T",
            "fails",
        ),
        # a number's gradient is a vector: the scalar 1 on the other side has another shape
        (r"\frac{\partial (\mathbf{w}^T\mathbf{x} + b)}{\partial \mathbf{w}} = 1", "not checked"),
    ],
)
def test_the_derivative_of_a_group_written_with_vectors(step, status):
    assert _status(LOGISTIC, step) == status


PLAIN = (
    "The logit vector $z$ gives\n\n"
    "$$\n\\hat{y}_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}\n$$\n\n"
    "and for a one-hot label $y$ the loss\n\n"
    "$$\nL = -\\sum_{k=1}^{K} y_k \\log(\\hat{y}_k)\n$$\n\n"
    "$$\nSTEP\n$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial L}{\partial z} = \hat{y} - y", "holds"),
        (r"\frac{\partial L}{\partial z} = y - \hat{y}", "fails"),
        (r"\nabla_z L = \hat{y} - y", "holds"),
        (r"\nabla_{z} L = y - \hat{y}", "fails"),
        (r"\nabla_{z} L = \hat{y} + y", "not checked"),  # no difference: not this reading
        # a coefficient (a batch's mean?) or an entry: not this reading
        (r"\frac{\partial L}{\partial z} = \frac{1}{N}(\hat{y} - y)", "not checked"),
        (r"\frac{\partial L}{\partial z} = \hat{y} - y_i", "not checked"),
    ],
)
def test_a_gradient_written_without_bold_beside_logits(step, status):
    assert _status(PLAIN, step) == status


def test_a_gradient_without_bold_by_a_letter_that_is_no_logit_is_not_read():
    # z is summed as an exponential nowhere: it may be a number (one example's score)
    text = (
        "$$\n\\hat{y}_i = \\sigma(z_i)\n$$\n\n"
        "$$\nL = -\\sum_i y_i \\log \\hat{y}_i + (1 - y_i) \\log(1 - \\hat{y}_i)\n$$\n\n"
        "$$\n\\frac{\\partial L}{\\partial z} = \\hat{y} - y\n$$\n"
    )
    assert check_document(text).steps[-1].status == "not checked"


DEFINED = "$$\ny_i = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}\n$$\n\n$$\nSTEP\n$$\n"


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (
            r"\frac{\partial y}{\partial \mathbf{z}} = \operatorname{diag}(\mathbf{y})"
            r" - \mathbf{y}\mathbf{y}^T",
            "holds",
        ),
        (
            r"\frac{\partial y}{\partial \mathbf{z}} = \operatorname{diag}(\mathbf{y})"
            r" + \mathbf{y}\mathbf{y}^T",
            "fails",
        ),
        # the diagonal's p_r dropped: right off the diagonal only
        (r"\frac{\partial y}{\partial \mathbf{z}} = I - \mathbf{y}\mathbf{y}^T", "holds only"),
    ],
)
def test_a_plain_letter_defined_entry_by_entry_by_a_vector_is_its_jacobian(step, status):
    assert _status(DEFINED, step) == status


def test_a_plain_letter_defined_as_a_number_by_a_vector_is_its_gradient():
    text = "$$\np = \\sigma(\\mathbf{w}^T \\mathbf{x})\n$$\n\n$$\nSTEP\n$$\n"
    holds = r"\frac{\partial p}{\partial \mathbf{w}} = p (1 - p) \mathbf{x}"
    assert _status(text, holds) == "holds"
    assert _status(text, holds.replace("(1 - p)", "(1 + p)")) == "fails"
