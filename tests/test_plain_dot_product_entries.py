"""Logistic regression in plain letters: ``\\hat{y} = \\sigma(w^Tx + b)`` with the gradient by
an entry ``\\frac{\\partial L}{\\partial w_j} = (\\hat{y} - y)x_j``. The letters of the product
``w^T x`` are vectors even though the text writes their entries ``w_j``, ``x_j``: the steps
are judged, and a wrong twin flagged. Where the index counts examples (``x_i`` beside the label
``y_i``, ``w^T x_i``, ``x^{(i)}``), x is not made a vector."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.notation.vectors import declared_vectors

LOSS = "$$L = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$$\n\n"


@pytest.mark.parametrize(
    "model",
    [
        "\\hat{y} = \\sigma(w^Tx + b)",
        "\\hat{y} = \\frac{1}{1+e^{-(w^Tx+b)}}",
        "\\hat{y} = \\sigma(z), \\quad z = w^T x + b",
    ],
)
@pytest.mark.parametrize(
    ("rhs", "status"),
    [("(\\hat{y} - y)x_j", "holds"), ("(y - \\hat{y})x_j", "fails"), ("\\hat{y} x_j", "fails")],
)
def test_the_gradient_by_an_entry_of_w(model: str, rhs: str, status: str) -> None:
    text = f"$${model}$$\n\n{LOSS}$$\\frac{{\\partial L}}{{\\partial w_j}} = {rhs}$$\n"
    step = check_document(text).steps[-1]
    assert step.status == status, step.summary
    assert step.flagged == (status == "fails")


@pytest.mark.parametrize(
    ("math", "vectors"),
    [
        ("z = w^T x + b, \\frac{\\partial L}{\\partial w_j} = (a - y) x_j", {"w", "x"}),
        ("z_i = w^T x_i + b", set()),  # x_i: the i-th example (no product of two letters)
        ("z = w^T x + b, \\sum_i (\\hat{y}_i - y_i) x_i", {"w"}),  # x_i beside the label y_i
        ("z = w^T x + b, x^{(i)}, x_1", {"w"}),  # x^{(i)}: examples
    ],
)
def test_which_letters_of_a_product_are_vectors(math: str, vectors: set[str]) -> None:
    indexed = frozenset(c for c in "wxyz" if f"{c}_" in math)
    assert declared_vectors(math, indexed) == vectors
