"""A brace group with vectors in it that is a number: ``e^{-(\\mathbf{w}^T \\mathbf{x} + b)}``,
``\\frac{1}{1 + e^{-\\mathbf{w}^T \\mathbf{x}}}``. Each step that holds has a twin with one change
that is flagged; a group that holds a vector stays unread (but an exponent of e)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

PROSE = "$$\ny = \\frac{1}{1 + e^{-z}}\n$$\n\nwith $z = \\mathbf{w}^T \\mathbf{x} + b$.\n\n"
WX = r"\mathbf{w}^T \mathbf{x}"
BOLD = r"\boldsymbol{w}^T \boldsymbol{x}"


def last(text: str):
    return check_document(text).steps[-1]


HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: flagged)
    (
        r"\frac{1}{1 + e^{-z}}",
        rf"\frac{{1}}{{1 + e^{{-({WX} + b)}}}}",
        rf"\frac{{1}}{{1 + e^{{({WX} + b)}}}}",
    ),
    (
        r"\frac{1}{1 + e^{-z}}",
        rf"\frac{{1}}{{1 + e^{{-({BOLD} + b)}}}}",
        rf"\frac{{1}}{{1 + e^{{-({BOLD} - b)}}}}",
    ),
    (
        "1 - y",
        rf"\frac{{e^{{-({WX} + b)}}}}{{1 + e^{{-({WX} + b)}}}}",
        rf"\frac{{1}}{{1 + e^{{-({WX} + b)}}}}",
    ),
    (
        rf"\sigma({WX} + b)",
        rf"\frac{{1}}{{1 + e^{{-({WX} + b)}}}}",
        rf"\frac{{1}}{{1 - e^{{-({WX} + b)}}}}",
    ),
]


HOLDS_AND_TWIN += [
    # the logarithm of such a fraction
    (
        rf"\log \frac{{1}}{{1 + e^{{-({WX} + b)}}}}",
        rf"-\log(1 + e^{{-({WX} + b)}})",
        rf"\log(1 + e^{{-({WX} + b)}})",
    ),
]


@pytest.mark.parametrize(("lhs", "holds", "slip"), HOLDS_AND_TWIN)
def test_a_group_that_is_a_number_is_read(lhs, holds, slip):
    assert last(f"{PROSE}$$\n{lhs} = {holds}\n$$\n").status == "holds"
    assert last(f"{PROSE}$$\n{lhs} = {slip}\n$$\n").status == "fails"


def test_a_group_that_holds_a_vector_is_not_read():
    # 2 to a vector, the square root of one: whose entry would it be? (e to a vector is read
    # entry by entry, the one reading posts mean: test_heldout21_readings)
    for group in ("2^{\\mathbf{x} + b}", "\\sqrt{\\mathbf{x} + b}"):
        result = last(f"{PROSE}$$\n\\mathbf{{v}} = {group}\n$$\n")
        assert result.status == "not checked"
