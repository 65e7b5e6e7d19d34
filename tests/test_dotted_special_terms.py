"""A sum written out with dots whose middle term is the term at the free index written
otherwise: ``p_iy_1 + p_iy_2 + \\dots + (p_i - y_i) + \\dots + p_i y_n`` is
``\\sum_{k \\neq i} p_i y_k + (p_i - y_i)``."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

HEAD = (
    "$$p_j = \\frac{e^{x_j}}{\\sum_{k=1}^n e^{x_k}}$$\n\n$$L = -\\sum_{j=1}^n y_j \\log p_j$$\n\n"
)


def _step(middle: str, rhs: str):
    text = HEAD + (
        "$$\\frac{\\partial L}{\\partial x_i} = "
        f"p_iy_1 + p_iy_2 + \\dots + {middle} + \\dots + p_i y_n = {rhs}$$\n"
    )
    return check_document(text).steps


@pytest.mark.parametrize(
    ("middle", "status"),
    [
        ("(p_i y_i - y_i)", "holds"),  # the term at j = i, -y_i (1 - p_i)
        ("(p_i - y_i)", "fails"),  # the post's slip: y_i p_i written p_i
    ],
)
def test_the_middle_term_is_the_term_at_the_free_index(middle, status):
    step = check_document(
        HEAD + "$$\\frac{\\partial L}{\\partial x_i} = "
        f"p_iy_1 + p_iy_2 + \\dots + {middle} + \\dots + p_i y_n$$\n"
    ).steps[-1]
    assert step.status == status, step.summary


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("p_i \\sum_{j=1}^n y_j - y_i + p_i - p_i y_i", "holds"),
        ("p_i \\sum_{j=1}^n y_j - y_i", "fails"),  # p_i alone taken as p_i y_i
    ],
)
def test_a_rewritten_sum_is_judged_as_the_sum_without_its_term_at_i(rhs, status):
    step = _step("(p_i - y_i)", rhs)[-1]
    assert step.status == status, step.summary


def test_a_middle_term_of_two_index_letters_is_not_read():
    """``p_j y_i``: which position it stands at is not said, so the dots stay unread."""
    steps = _step("p_j y_i", "p_i \\sum_{j=1}^n y_j")
    assert steps[-2].status == "not checked", steps[-2].summary
