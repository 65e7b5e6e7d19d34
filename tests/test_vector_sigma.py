"""σ (and tanh) of a number written with vectors, ``\\sigma(\\mathbf{w}^T \\mathbf{x})``, the
logistic-regression model: every step that holds has a twin with one change that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.notation.vectors import entrywise

PROSE = (
    r"For any vector $\mathbf{w}$, any vector $\mathbf{x}$ and the sigmoid"
    r" $\sigma(z) = \frac{1}{1 + e^{-z}}$:"
    "\n\n"
)


def step(lhs: str, rhs: str, prose: str = PROSE):
    return check_document(f"{prose}$$\n{lhs} = {rhs}\n$$\n").steps[-1]


WX = r"\mathbf{w}^T \mathbf{x}"

HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: flagged)
    (rf"\sigma({WX})", rf"\frac{{1}}{{1 + \exp(-{WX})}}", rf"\frac{{1}}{{1 + \exp({WX})}}"),
    (rf"1 - \sigma({WX})", rf"\sigma(-{WX})", rf"\sigma({WX})"),
    (
        rf"\nabla_{{\mathbf{{w}}}} \left( \log \sigma({WX}) \right)",
        rf"(1 - \sigma({WX})) \mathbf{{x}}",
        rf"\sigma({WX}) \mathbf{{x}}",
    ),
    (
        rf"\nabla_{{\mathbf{{w}}}} \left( \log (1 - \sigma({WX})) \right)",
        rf"-\sigma({WX}) \mathbf{{x}}",
        rf"-\sigma({WX}) \mathbf{{w}}",
    ),
    (rf"2 \sigma(2 {WX}) - 1", rf"\tanh({WX})", rf"\tanh(2 {WX})"),
]


@pytest.mark.parametrize(("lhs", "rhs", "twin"), HOLDS_AND_TWIN)
def test_sigma_of_a_number_holds_and_its_twin_is_flagged(lhs: str, rhs: str, twin: str) -> None:
    held = step(lhs, rhs)
    assert held.status == "holds", held.summary
    wrong = step(lhs, twin)
    assert wrong.status == "fails", wrong.summary


def test_sigma_the_text_calls_the_softmax_is_not_read() -> None:
    prose = r"For any vectors $\mathbf{w}$, $\mathbf{x}$; here $\sigma$ denotes the softmax."
    prose += "\n\n"
    result = step(rf"\sigma({WX})", rf"\frac{{1}}{{1 + \exp(-{WX})}}", prose)
    assert result.status == "not checked"


@pytest.mark.parametrize(
    ("side", "reason"),
    [
        (r"\sigma(2 \mathbf{x}) + \mathbf{x}", "of a vector is not read"),  # a softmax?
        (r"\log \sigma(\mathbf{w}^T \mathbf{x}) \mathbf{x}", "more follows in its term"),
        (r"\sigma(\mathbf{w} \mathbf{x}^T)", "sizes do not match"),
    ],
)
def test_sigma_of_anything_but_a_number_is_not_read(side: str, reason: str) -> None:
    with pytest.raises(Unreadable, match=reason):
        entrywise(side)


def test_sigma_of_an_inner_product_reads_as_a_sum() -> None:
    read = entrywise(rf"\sigma({WX}) \mathbf{{x}}")
    assert read is not None and read.shape == "vector"
    assert r"\sigma\left(" in read.text and r"\sum_" in read.text
