"""``\\delta_j`` with one index is no Kronecker delta (that takes two): in a document it is a
name, backpropagation's error term, read by the document's definition of it."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

HEAD = (
    "Let $p_j = \\frac{e^{a_j}}{\\sum_k e^{a_k}}$ and $E = -\\sum_k t_k \\log p_k$, "
    "with $\\sum_k t_k = 1$.\n\n"
)


def statuses(text: str) -> list[str]:
    return [s.status for s in check_document(HEAD + text).steps]


@pytest.mark.parametrize(("right", "expected"), [("p_j - t_j", "holds"), ("p_j + t_j", "fails")])
def test_the_error_term_is_the_name_the_document_defines(right, expected):
    chain = f"$$\\delta_j = \\frac{{\\partial E}}{{\\partial a_j}} = {right}$$\n"
    assert statuses(chain) == ["definition", expected]


@pytest.mark.parametrize(
    ("right", "expected"),
    [("p_i(\\delta_{ij} - p_j)", "holds"), ("p_i(\\delta_{ij} + p_j)", "fails")],
)
def test_the_kronecker_delta_beside_it_keeps_two_indices(right, expected):
    text = (
        "$$\\delta_j = \\frac{\\partial E}{\\partial a_j}$$\n\n"
        f"$$\\frac{{\\partial p_i}}{{\\partial a_j}} = {right}$$\n"
    )
    assert statuses(text) == ["definition", expected]


def test_an_error_term_never_defined_is_not_read():
    assert statuses("$$\\delta_j = p_j - t_j + \\delta_k$$\n")[-1] != "fails"
