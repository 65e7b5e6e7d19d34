"""A loss written as a function of the vector it depends on, in plain letters: ``J(\\theta) =
-\\sum_i y_i \\log \\hat{y}_i`` in a text that writes the entries ``\\theta_i`` is the loss J of
the vector θ (as ``J(\\boldsymbol\\theta)`` is), so ``\\frac{\\partial J(\\theta)}{\\partial
\\theta_i}`` is judged; a wrong twin is flagged. ``\\boldsymbol\\theta`` without braces is the
bold θ. A function of one plain letter never written with an index stays function notation."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEXT = (
    "The targets are one-hot, $\\sum_i y_i = 1$.\n\n"
    "$$\\hat{{y}}_i = \\frac{{\\exp(\\theta_i)}}{{\\sum_{{j=1}}^K \\exp(\\theta_j)}}$$\n\n"
    "$${lhs} = -\\sum_{{i=1}}^K y_i \\log(\\hat{{y}}_i)$$\n\n"
    "$$\\frac{{\\partial {lhs}}}{{\\partial \\theta_i}} = {rhs}$$\n"
)


@pytest.mark.parametrize(
    "lhs", ["J(\\theta)", "L(\\theta)", "J(\\boldsymbol\\theta)", "J(\\mathbf{\\theta})"]
)
@pytest.mark.parametrize(
    ("rhs", "status"), [("\\hat{y}_i - y_i", "holds"), ("y_i - \\hat{y}_i", "fails")]
)
def test_a_loss_of_the_vector_theta_is_one_name(lhs: str, rhs: str, status: str) -> None:
    steps = check_document(TEXT.format(lhs=lhs, rhs=rhs)).steps
    assert steps[-2].status == "definition"
    assert (steps[-1].status, steps[-1].flagged) == (status, status == "fails")


def test_a_function_of_a_letter_never_written_with_an_index_is_not_made_a_vector() -> None:
    text = "$$f(x) = x^2$$\n\n$$f'(x) = 2x$$\n\n$$f'(x) = 3x$$\n"
    statuses = [step.status for step in check_document(text).steps]
    assert statuses[-2:] == ["holds", "fails"]
