"""MathJax's ``\\newline`` breaks a row as ``\\\\`` does (a Hugo page writes its cases so)."""

from __future__ import annotations

from symsoft.reading.document import check_document

DEFINITION = "$$S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n"
CASES = (
    "$$\\frac{\\partial S_i}{\\partial a_j} = \\begin{cases} S_i(1 - S_j) & \\text{if } i = j "
    "\\newline {OFF} & \\text{if } i \\neq j \\end{cases}$$\n"
)


def test_cases_broken_by_newline_hold():
    steps = check_document(DEFINITION + CASES.replace("{OFF}", "-S_i S_j")).steps
    assert [(s.status, s.summary) for s in steps][1:] == [
        ("holds", "holds when i = j"),
        ("holds", "holds when i ≠ j"),
    ]


def test_a_sign_slip_after_newline_fails():
    steps = check_document(DEFINITION + CASES.replace("{OFF}", "S_i S_j")).steps
    assert [s.status for s in steps][1:] == ["holds", "fails"]


EQALIGN = (
    "$$\\eqalign{ \\frac{\\partial S_i}{\\partial a_j} &= S_i \\delta_{ij} - S_i S_j \\cr "
    "&= {LAST} \\cr }$$\n"
)


def test_rows_of_eqalign_broken_by_cr_hold():
    """Plain TeX's ``\\cr`` ends a row of ``\\eqalign`` (a math.SE answer writes its chains so)."""
    steps = check_document(DEFINITION + EQALIGN.replace("{LAST}", "S_i(\\delta_{ij} - S_j)")).steps
    assert [s.status for s in steps][1:] == ["holds", "holds"]


def test_a_slip_in_a_row_after_cr_fails():
    steps = check_document(DEFINITION + EQALIGN.replace("{LAST}", "S_i(\\delta_{ij} + S_j)")).steps
    assert [s.status for s in steps][1:] == ["holds", "fails"]
