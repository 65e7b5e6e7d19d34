"""``e^x_j``: TeX puts both scripts on e, an index on Euler's number means nothing, and posts
type the exponent ``x_j`` so (``p_j = \\frac{e^x_j}{\\sum_k e^x_k}``): it is ``e^{x_j}``, in
documents and claims."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.grammar.latex import parse_expression


def test_the_index_goes_to_the_exponent():
    assert parse_expression(r"e^x_j", open_names=True) == parse_expression(r"e^{x_j}", True)
    assert parse_expression(r"e^{x}_{j}", open_names=True) == parse_expression(r"e^{x_j}", True)
    assert str(parse_expression(r"\frac{e^x_j}{\sum_k e^x_k}", open_names=True)) == (
        "exp(x[j])/Sum(exp(x[k]), (k, 1, N))"
    )


@pytest.mark.parametrize(
    ("right", "expected"), [("p_j(1 - p_j)", "holds"), ("p_j(1 + p_j)", "fails")]
)
def test_a_softmax_typed_with_e_x_j_is_read(right, expected):
    text = (
        "Given $p_j = \\frac{e^x_j}{\\sum_k e^x_k}$,\n\n"
        f"$$\\frac{{\\partial p_j}}{{\\partial x_j}} = {right}$$\n"
    )
    assert [s.status for s in check_document(text).steps] == [expected]


def test_other_letters_keep_their_scripts():
    with pytest.raises(Exception, match="a layer's label or a power"):
        parse_expression(r"x^2_j", open_names=True)
