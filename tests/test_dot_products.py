"""``\\mathbf{w} \\cdot \\mathbf{x}`` between two vectors of one orientation is their inner
product, a number: ``z = \\mathbf{w} \\cdot \\mathbf{x} + b`` defines z, and the gradients of a
logistic-regression loss by ``w_j`` and ``b`` are judged through it. Between a number and a
vector, or a vector and a matrix, the dot stays a product."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

MODEL = (
    "The model is\n\n"
    "$$z = \\mathbf{w} \\cdot \\mathbf{x} + b, \\qquad "
    "\\hat{y} = \\sigma(z) = \\frac{1}{1 + e^{-z}}$$\n\n"
    "and the loss $L = -y \\log \\hat{y} - (1 - y) \\log(1 - \\hat{y})$. Then\n\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\frac{\\partial L}{\\partial w_j} = (\\hat{y} - y) x_j", "holds"),
        ("\\frac{\\partial L}{\\partial w_j} = (y - \\hat{y}) x_j", "fails"),  # sign flipped
        ("\\frac{\\partial L}{\\partial w_j} = (\\hat{y} - y) w_j", "fails"),  # w for x
        ("\\frac{\\partial L}{\\partial b} = \\hat{y} - y", "holds"),
        ("\\frac{\\partial L}{\\partial b} = (\\hat{y} - y) x_j", "fails"),  # an input too many
    ],
)
def test_the_dot_product_defines_a_number(step, status):
    found = check_document(MODEL + f"$${step}$$\n").steps[-1]
    assert found.status == status, found.summary


def test_the_definition_by_a_dot_product_is_read():
    steps = check_document(MODEL + "$$\\frac{\\partial L}{\\partial b} = \\hat{y} - y$$\n").steps
    assert [s.status for s in steps[:3]] == ["definition", "definition", "holds"]


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("\\sum_k p_k o_k", "holds"),
        ("\\sum_k p_k o_k + 1", "fails"),
        ("\\sum_k p_k", "fails"),  # the o_k dropped
        ("\\mathbf{p} \\odot \\mathbf{o}", "not checked"),  # a vector: which entry?
    ],
)
def test_a_dot_product_of_two_vectors_is_their_inner_product(rhs, status):
    text = (
        "$$p_i = \\frac{e^{o_i}}{\\sum_k e^{o_k}}$$\n\n"
        f"$$\\mathbf{{p}} \\cdot \\mathbf{{o}} = {rhs}$$\n"
    )
    found = check_document(text).steps[-1]
    assert found.status == status, found.summary


def test_a_dot_between_a_number_and_a_vector_is_a_product():
    text = (
        "$$p_i = \\frac{e^{o_i}}{\\sum_k e^{o_k}}$$\n\n"
        "$$2 \\cdot \\mathbf{p} = \\mathbf{p} + \\mathbf{p}$$\n\n"
        "$$2 \\cdot \\mathbf{p} = \\mathbf{p}$$\n"
    )
    steps = check_document(text).steps
    assert [s.status for s in steps[-2:]] == ["holds", "fails"], [s.summary for s in steps]
