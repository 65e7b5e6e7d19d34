"""``w^Tx`` and ``w^{T}x`` are ``w^T x`` as TeX reads them: the prediction of logistic
regression ``\\hat y = \\sigma(w^Tx + b)`` is read in every spelling of the transpose."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

BCE = (
    r"For one sample with label $y \in \{0, 1\}$ and prediction $\hat y = \sigma(PRODUCT + b)$,"
    "\n\n"
    r"$$L = -[y\log\hat y + (1-y)\log(1-\hat y)]$$"
    "\n\n"
    r"$$\frac{\partial L}{\partial w} = (\hat y - y) x$$"
    "\n\n"
    r"$$\frac{\partial L}{\partial b} = y - \hat y$$"
    "\n"
)


@pytest.mark.parametrize(
    "product", ["w^T x", "w^Tx", "w^{T}x", r"w^\top x", r"w^{\top}x", r"w^{\intercal}x"]
)
def test_every_spelling_of_the_transpose_reads(product: str) -> None:
    steps = [s for s in check_document(BCE.replace("PRODUCT", product)).steps]
    assert [s.status for s in steps] == ["definition", "holds", "fails"]  # y - ŷ: the sign


def test_a_word_after_the_t_is_no_transpose() -> None:
    steps = check_document(BCE.replace("PRODUCT", "w^Txy")).steps
    assert [s.status for s in steps][1:] != ["holds", "fails"]
