"""A term singled out in a display of its own, then ``$$= …$$``: the display may go on from the
side that holds the term or from the term itself; a flag needs both readings to fail."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

NUMERATOR = r"""
The softmax output is $S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$. The quotient rule gives

$$
\frac{\partial S_i}{\partial a_j}
= \frac{\frac{\partial e^{a_i}}{\partial a_j} \sum_k e^{a_k} - e^{a_i} e^{a_j}}{(\sum_k e^{a_k})^2}
$$

Only one piece still needs work, the derivative of the numerator:

$$\frac{\partial e^{a_i}}{\partial a_j}$$

$$= CONTINUED$$
"""


def continued(rhs: str):  # noqa: ANN201 - a StepResult
    return check_document(NUMERATOR.replace("CONTINUED", rhs)).steps[-1]


def test_a_display_that_goes_on_from_the_singled_out_term_is_not_flagged() -> None:
    """``= \\delta_{ij} e^{a_i}`` is the term's value: read from the quotient it was flagged."""
    step = continued(r"\delta_{ij} e^{a_i}")
    assert step.status == "not checked" and not step.flagged
    assert "singled out before it, where it holds" in step.summary


def test_a_display_that_goes_on_from_the_side_still_holds() -> None:
    rhs = r"\frac{\delta_{ij} e^{a_i} \sum_k e^{a_k} - e^{a_i} e^{a_j}}{(\sum_k e^{a_k})^2}"
    assert continued(rhs).status == "holds"


@pytest.mark.parametrize("rhs", [r"e^{a_i}", r"e^{a_i} e^{a_j}"])
def test_a_display_wrong_from_the_term_and_from_the_side_is_still_flagged(rhs: str) -> None:
    assert continued(rhs).flagged
