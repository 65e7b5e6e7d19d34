"""A squared norm in the loss of a family post (L2 regularisation, weight decay): ``\\|w\\|^2``,
``\\|\\mathbf{w}\\|_2^2``, ``\\lVert w \\rVert^2``, ``\\left\\| w \\right\\|^2``, ``||w||^2`` is
the sum of the squares of the vector's entries.  Each reading that holds has a twin with the
factor 2 of the gradient slipped, which fails; a norm not squared is not read."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

POST = (
    "With $\\hat{y} = \\sigma(w^T x + b)$ and the regularized loss\n\n"
    "$$J = -\\left(y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y})\\right)"
    " + \\frac{\\lambda}{2} NORM$$\n\n"
    "the gradient is\n\n"
    "$$\\frac{\\partial J}{\\partial w_j} = (\\hat{y} - y) x_j + \\lambda w_j$$\n\n"
    "$$\\nabla_w J = (\\hat{y} - y) x + \\lambda w$$\n"
)


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


@pytest.mark.parametrize(
    "norm",
    [
        "\\|w\\|^2",
        "\\|w\\|_2^2",
        "\\lVert w \\rVert^2",
        "\\left\\| w \\right\\|^{2}",
        "||w||^2",
    ],
)
def test_a_squared_norm_is_the_sum_of_squares(norm: str) -> None:
    text = POST.replace("NORM", norm)
    assert statuses(text) == ["definition", "holds", "holds"]
    slipped = text.replace("+ \\lambda w_j$$", "+ 2\\lambda w_j$$").replace(
        "+ \\lambda w$$", "+ 2 \\lambda w$$"
    )
    assert statuses(slipped) == ["definition", "fails", "fails"]


def test_a_bold_vector_norm() -> None:
    text = (
        "$$E = \\frac{1}{2}\\|\\mathbf{p} - \\mathbf{y}\\|_2^2$$\n\n"
        "$$\\frac{\\partial E}{\\partial p_k} = p_k - y_k$$\n\n"
        "$$\\frac{\\partial E}{\\partial p_k} = 2(p_k - y_k)$$\n"
    )
    assert statuses(text) == ["definition", "holds", "fails"]


def test_a_norm_that_is_not_squared_is_not_read() -> None:
    text = POST.replace("NORM", "\\|w\\|_1")
    assert statuses(text)[1:] == ["not checked", "not checked"]
