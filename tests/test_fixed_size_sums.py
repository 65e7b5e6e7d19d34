"""A text whose sums all run to one number (``\\sum_{j=1}^3``: three classes, no letter for
their count) is judged at that size, and its sums are over every class: a derivative by the
entry ``θ_i`` of a free index has no case i > 3 to decide, so the step is judged; a wrong twin
is flagged. A text with a letter bound beside the number keeps the number as a partial sum."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEXT = (
    "The targets are one-hot: $\\sum_{{i=1}}^3 y_i = 1$.\n\n"
    "$$\\hat{{y}}_i = \\frac{{\\exp(\\theta_i)}}{{\\sum_{{j=1}}^3 \\exp(\\theta_j)}}$$\n\n"
    "$$J = -\\sum_{{i=1}}^3 y_i \\log(\\hat{{y}}_i)$$\n\n"
    "$$\\frac{{\\partial J}}{{\\partial \\theta_i}} = {rhs}$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("\\hat{y}_i - y_i", "holds"),
        ("y_i - \\hat{y}_i", "fails"),  # sign flipped
        ("\\hat{y}_i - y_j", "holds only"),  # index swapped: only where y_i = y_j
    ],
)
def test_a_derivative_by_a_free_entry_of_a_three_class_text_is_judged(rhs, status):
    step = check_document(TEXT.format(rhs=rhs)).steps[-1]
    assert step.status == status, step.summary
    assert step.flagged == (status != "holds")
    if status != "holds":
        assert "N = 3" in step.summary


def test_a_number_beside_a_letter_bound_stays_a_partial_sum():
    text = (
        "$$p_i = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}$$\n\n"
        "$$\\frac{\\partial}{\\partial z_i} \\sum_{j=1}^3 p_j = 0$$\n"
    )
    step = check_document(text).steps[-1]
    # (Σ_{j ≤ 3} p_j is not all of the K classes: its derivative depends on whether i ≤ 3)
    assert (step.status, step.flagged) == ("not checked", False)
    assert "i <= 3" in step.summary
