"""An unbraced upper limit is one letter, whatever follows it (TeX's rule): a Hugo page writes
``\\sum_{k=1}^ne^{x_k}``, a sum to n of ``e^{x_k}``, and ``\\sum_{i=1}^ng_i(\\vec{x})``."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.subscripts import sum_upper_letters

DEFINITION = "$$g_i(\\vec{x})=\\frac{e^{x_i}}{\\sum_{k=1}^ne^{x_k}}$$\n\n"
QUOTIENT = (
    "$$\\frac{\\partial g_i}{\\partial x_i} = \\frac{e^{x_i}\\sum_{k=1}^ne^{x_k} - "
    "e^{x_i}e^{x_i}}{\\left(\\sum_{k=1}^ne^{x_k} \\right)^2} = \\frac{e^{x_i}}"
    "{\\sum_{k=1}^ne^{x_k}}\\left({SIGN} \\frac{e^{x_i}}{\\sum_{k=1}^ne^{x_k}} \\right)$$\n"
)


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("\\sum_{k=1}^ne^{x_k}", {"n"}),
        ("\\sum_{i=1}^ng_i(\\vec{x})=1", {"n"}),
        ("\\sum_{k=1}^{N-1} a_k", {"N"}),
        ("\\sum_{k=1}^{Nk} a_k", set()),  # braced: a word, not a letter
        ("\\sum_{k=1}^Ke^{z_k}", {"K"}),
    ],
)
def test_an_unbraced_limit_is_one_letter(text, letters):
    assert sum_upper_letters(text) == letters


def test_the_diagonal_entry_with_unbraced_limits_holds():
    steps = check_document(DEFINITION + QUOTIENT.replace("{SIGN}", "1 -")).steps
    assert [s.status for s in steps] == ["definition", "holds", "holds"]


def test_its_twin_with_a_sign_slip_fails():
    steps = check_document(DEFINITION + QUOTIENT.replace("{SIGN}", "1 +")).steps
    assert [s.status for s in steps] == ["definition", "holds", "fails"]
