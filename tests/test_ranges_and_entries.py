"""A free index's range in parentheses straight after a row, ``(i=1,2,\\dots,n)``, and a vector
said to be its entries with the last one after the dots, ``(x_1 ,x_2 ,\\dots x_n)`` (a Qiita
post): both leave the steps beside them readable."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps]


ENTRIES = "For $\\boldsymbol{x}=(x_1 ,x_2 ,\\dots x_n)$ we have\n\n"


@pytest.mark.parametrize(
    ("denominator", "expected"),
    [
        ("\\sum_{j=1}^{n} e^{x_j}", ["definition", "holds"]),
        # the post's slip, i for j, in the formula that defines f through softmax: a slip in the
        # definition, or the text's own function? not flagged (session 74), the reason says so
        ("\\sum_{j=1}^{n} e^{x_i}", ["definition", "not checked"]),
    ],
)
def test_a_range_after_a_chain_is_an_annotation(denominator, expected):
    row = f"$$ f(x_i)= softmax(x_i) = \\frac{{e^{{x_i}}}}{{{denominator}}} (i=1,2,\\dots,n)$$\n"
    assert statuses(ENTRIES + row) == expected
    if expected[1] == "not checked":
        (_, step) = check_document(ENTRIES + row).steps
        assert "for the first time" in step.summary and "fails" in step.summary


@pytest.mark.parametrize(
    ("right", "expected"),
    [("S_i(1 - S_i)", "holds"), ("S_i(1 + S_i)", "fails")],
)
def test_a_range_after_a_derivative(right, expected):
    text = (
        "$$ S_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}} (i = 1, \\ldots, n)$$\n\n"
        f"$$ \\frac{{\\partial S_i}}{{\\partial x_i}} = {right} (i = 1, \\ldots, n)$$\n"
    )
    assert statuses(text) == ["definition", expected]


def test_a_parenthesis_without_a_range_is_still_a_factor():
    # (i + 1) is no range: a factor of the side, so the step is judged with it
    text = "$$ S_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}$$\n\n$$ S_i = S_i (i + 1)$$\n"
    assert statuses(text)[1] != "holds"
