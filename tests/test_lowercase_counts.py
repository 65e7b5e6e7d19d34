"""A count written with a lowercase letter (``\\frac{1}{m} \\sum_{i=1}^{m}``,
``\\frac{\\epsilon}{n}``) is a value when the document writes that letter only as the bound of
its sums; labels stated to be 0 or 1 entry by entry refute at the all-0 and all-1 labels;
``\\nabla_{\\mathbf{z}} \\log \\sum_j e^{z_j}`` without brackets is the gradient
(``\\nabla^2``: the Hessian) of the side."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.counts import counted_letters

MEAN_BCE = (
    "Example $i$ has a score $z_i$, a label $y_i \\in \\{0, 1\\}$ and $p_i = \\sigma(z_i) = "
    "\\frac{1}{1 + e^{-z_i}}$.\n\n"
    "$$J = -\\frac{1}{m} \\sum_{i=1}^{m} \\left[ y_i \\log p_i + (1 - y_i) \\log(1 - p_i) "
    "\\right]$$\n\n"
)


def _last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("J = \\frac{1}{m} \\sum_{i=1}^{m} L_i", {"m"}),
        ("\\sum_{k=1}^{n} q_k = 1, \\quad q_k = y_k + \\frac{\\epsilon}{n}", {"n"}),
        ("\\sum_{i=1}^{n} \\theta_n x_n", set()),  # n is also an index
        ("\\sum_{i=1}^{m} x^{(m)}", set()),
        ("\\sum_{m=1}^{n} a_m", {"n"}),  # m runs over the sum, n counts
        ("w_{mn} \\sum_{i=1}^{n} x_i", set()),
        ("\\frac{1}{m} x_i", set()),  # no sum bounded by m
        ("m = \\max_k z_k, \\quad \\sum_{i=1}^{m} e^{z_i - m}", set()),  # m is defined
        ("\\sum_{i=1}^{m} e^{z_i - m},\\ m := \\max_i z_i", set()),
        # a shape says the sizes; a value given to the count is no other meaning
        ("X \\in \\mathbb{R}^{m \\times n}, \\quad \\frac{1}{m} x_{ij}", {"m", "n"}),
        ("$m = 1$ $Y$ is $m \\times n$, $\\frac{1}{m} y_{ij}$", {"m", "n"}),
        ("$Y$ is $m \\times n$, $\\frac{1}{m} y_{mj}$", {"n"}),  # m is also an index
        ("$m = \\max_k z_k$, $Y$ is $m \\times n$", {"n"}),  # m is defined
    ],
)
def test_a_letter_is_a_count_only_where_it_is_no_index(text, letters):
    assert set(counted_letters(text)) == letters


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("\\frac{1}{m} (p_i - y_i)", "holds"),
        ("\\frac{1}{m} (y_i - p_i)", "fails"),  # sign flipped
    ],
)
def test_the_mean_over_m_examples_is_read(rhs, status):
    step = _last(MEAN_BCE + f"$$\\frac{{\\partial J}}{{\\partial z_i}} = {rhs}$$\n")
    assert step.status == status, step.summary


def test_a_dropped_mean_fails_at_labels_the_text_allows():
    """``y_i \\in \\{0, 1\\}``: the counterexample is taken at y_i = 0 for every i, a labelling
    the text allows, never at y = 7/2."""
    step = _last(MEAN_BCE + "$$\\frac{\\partial J}{\\partial z_i} = p_i - y_i$$\n")
    assert step.status == "fails"
    assert step.summary.startswith("fails at y_i = 0 for every i")


def test_all_zero_labels_are_no_witness_when_the_labels_are_one_hot():
    """One-hot labels sum to one: all 0 is no labelling the text allows, so no flag rests on it."""
    text = (
        "The target $y$ is one-hot, each $y_k \\in \\{0, 1\\}$, and $p_k = "
        "\\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}}$.\n\n$$L = -\\sum_{k=1}^{n} y_k \\log p_k$$\n\n"
        "$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n"
    )
    step = _last(text)
    assert step.status == "holds", step.summary


SMOOTHED = (
    "We classify into $n$ classes; $y$ is one-hot and $q_k = (1 - \\epsilon) y_k + "
    "\\frac{\\epsilon}{n}$, $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{n} e^{z_j}}$.\n\n"
    "$$L = -\\sum_{k=1}^{n} q_k \\log p_k$$\n\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("p_i - (1 - \\epsilon) y_i - \\frac{\\epsilon}{n}", "holds"),
        ("p_i - (1 - \\epsilon) y_i - \\epsilon", "fails"),  # the uniform part not divided
    ],
)
def test_label_smoothing_over_n_classes(rhs, status):
    step = _last(SMOOTHED + f"$$\\frac{{\\partial L}}{{\\partial z_i}} = {rhs}$$\n")
    assert step.status == status, step.summary


VECTOR = (
    "Take $\\mathbf{z} \\in \\mathbb{R}^n$ and $\\mathbf{p} = "
    "\\frac{\\exp(\\mathbf{z})}{\\sum_{j=1}^{n} \\exp(z_j)}$.\n\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [("\\frac{1}{n} \\mathbf{1} - \\mathbf{p}", "holds"), ("\\mathbf{1} - \\mathbf{p}", "fails")],
)
def test_a_count_before_a_vector_multiplies_it(rhs, status):
    lhs = "\\nabla_{\\mathbf{z}} \\left( \\frac{1}{n} \\sum_{k=1}^{n} \\log p_k \\right)"
    step = _last(VECTOR + f"$${lhs} = {rhs}$$\n")
    assert step.status == status, step.summary


@pytest.mark.parametrize(
    ("rhs", "status"),
    [("\\mathbf{p}", "holds"), ("\\mathbf{1} - \\mathbf{p}", "fails")],
)
def test_an_unbracketed_gradient_of_a_logarithm(rhs, status):
    step = _last(
        VECTOR + f"$$\\nabla_{{\\mathbf{{z}}}} \\log \\sum_{{j=1}}^{{n}} e^{{z_j}} = {rhs}$$\n"
    )
    assert step.status == status, step.summary


def test_the_hessian_of_the_log_sum_exp_and_its_swapped_twin():
    lhs = "\\nabla^2_{\\mathbf{z}} \\log \\sum_{j=1}^{n} e^{z_j}"
    holds = _last(
        VECTOR
        + f"$${lhs} = \\operatorname{{diag}}(\\mathbf{{p}}) - \\mathbf{{p}}\\mathbf{{p}}^\\top$$\n"
    )
    assert holds.status == "holds", holds.summary
    swapped = _last(
        VECTOR
        + f"$${lhs} = \\mathbf{{p}}\\mathbf{{p}}^\\top - \\operatorname{{diag}}(\\mathbf{{p}})$$\n"
    )
    assert swapped.status == "fails"
    wheres = {case.case: case.where for case in swapped.cases}
    assert wheres == {"c ≠ r": "N = 2, c = 1, r = 2", "c = r": "N = 2, c = 1"}


def test_a_gradient_before_a_logarithm_and_another_term_is_not_read():
    """``\\nabla_{\\mathbf z} \\log \\sum_j e^{z_j} - z_1``: of the logarithm, or of the side?"""
    step = _last(
        VECTOR + "$$\\nabla_{\\mathbf{z}} \\log \\sum_{j=1}^{n} e^{z_j} - z_1 = \\mathbf{p}$$\n"
    )
    assert step.status == "not checked", step.summary


SHAPED = MEAN_BCE.replace("\\sum_{i=1}^{m}", "\\sum_{i}").replace(
    "Example $i$", "The scores form an $m \\times 1$ column; example $i$"
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("\\frac{1}{m} (p_i - y_i)", "holds"),
        ("\\frac{1}{m} (y_i - p_i)", "fails"),
    ],
)
def test_a_count_given_by_a_shape_is_read(rhs, status):
    step = _last(SHAPED + f"$$\\frac{{\\partial J}}{{\\partial z_i}} = {rhs}$$\n")
    assert step.status == status, step.summary
