"""A gradient by one entry, ``\\nabla_{z_i} L`` (also typed ``\\bigtriangledown_{z_i}``), is the
partial derivative ``\\frac{\\partial L}{\\partial z_i}``; a gradient by a whole vector written in
plain letters (``\\nabla_{z} L``) is not one entry and stays unread by this rule."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = "The softmax is $$p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n"


@pytest.mark.parametrize("nabla", ["\\nabla", "\\bigtriangledown", "\\triangledown", "∇"])
@pytest.mark.parametrize(
    ("rhs", "status", "shown"),
    [
        ("p_i(\\delta_{ik} - p_k)", "holds", ""),
        (
            "p_i(p_k - \\delta_{ik})",
            "fails",
            "left side = -4/25 ≈ -0.16, right side = 4/25",
        ),  # sign flip
        ("p_k(\\delta_{ik} - p_k)", "holds only", "i = k"),  # index slip
    ],
)
def test_a_gradient_by_one_entry_is_the_partial_derivative(nabla, rhs, status, shown):
    step = check_document(SOFTMAX + f"$${nabla}_{{z_k}} p_i = {rhs}$$\n").steps[-1]
    assert step.status == status, step.summary
    assert shown in step.summary + " ".join(case.verdict.reason for case in step.cases)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("\\frac{e^{z_i}}{\\sum_{j} e^{z_j}}", "holds"),
        ("\\frac{e^{z_j}}{\\sum_{j} e^{z_j}}", "holds only"),  # index slip: right when i = j
        ("-\\frac{e^{z_i}}{\\sum_{j} e^{z_j}}", "fails"),  # sign
    ],
)
def test_the_gradient_of_log_sum_exp_by_one_logit(rhs, status):
    step = check_document(
        SOFTMAX + f"$$\\nabla_{{z_i}} \\log \\sum_{{j}} e^{{z_j}} = {rhs}$$\n"
    ).steps[-1]
    assert step.status == status, step.summary


def test_a_gradient_by_a_plain_letter_is_not_read_as_one_entry():
    """``\\nabla_{z}`` with z a vector in plain letters: not the derivative by a scalar z."""
    step = check_document(SOFTMAX + "$$\\nabla_{z} p_i = p_i(1 - p_i)$$\n").steps[-1]
    assert step.status == "not checked", step.summary


def test_the_column_of_a_step_after_a_long_alias_is_the_files():
    """``\\bigtriangledown`` is spelled ``\\nabla`` in place: columns stay those written."""
    text = SOFTMAX + "$$\\bigtriangledown_{z_k} p_i = p_i(p_k - \\delta_{ik})$$\n"
    step = check_document(text).steps[-1]
    assert (step.line, step.column) == (3, 30)
