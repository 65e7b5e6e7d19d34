"""Session 27: vector notation as a matrix-calculus post writes it (row vectors said in words,
control spaces between factors, square brackets as groups). Each holds test has a wrong twin."""

from __future__ import annotations

from tests.steps import summaries

ROWS = (
    "We use row vectors and row gradients. Let $s_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$ and\n\n"
    "$$H(\\mathbf y, \\mathbf s) = -\\sum_{i=1}^n y_i \\log s_i$$\n\n$$STEP$$\n"
)
COLUMNS = ROWS.replace("We use row vectors and row gradients. ", "")


def step(text: str, written: str) -> str:
    return summaries(text.replace("STEP", written))[5]


def test_a_gradient_times_a_diagonal_matrix_holds_with_the_rows_the_text_says():
    right = (
        "\\nabla_{\\mathbf s} H = -\\mathbf y \\ \\text{d"
        "iag}\\left(\\frac{\\mathbf 1}{\\mathbf s}\\right)"
    )
    assert step(ROWS, right).startswith("holds with vectors as rows")


def test_a_gradient_times_a_diagonal_matrix_with_its_sign_lost_is_refuted():
    wrong = (
        "\\nabla_{\\mathbf s} H = \\mathbf y \\ \\text{di"
        "ag}\\left(\\frac{\\mathbf 1}{\\mathbf s}\\right)"
    )
    assert step(ROWS, wrong).startswith("fails with vectors as rows")


def test_rows_not_said_leave_a_row_times_a_matrix_unread():
    right = (
        "\\nabla_{\\mathbf s} H = -\\mathbf y \\ \\text{d"
        "iag}\\left(\\frac{\\mathbf 1}{\\mathbf s}\\right)"
    )
    assert step(COLUMNS, right).startswith("not checked")


BRACKETED = (
    "\\nabla_{\\mathbf x} H = SIGN\\frac{\\mathbf y}{\\mathbf s} OP"
    "EN\\text{diag}(\\mathbf s) - \\mathbf s^\\top \\mathbf s CLOSE"
)


def test_square_brackets_group_a_jacobian_in_a_row_times_matrix_product():
    for opening, closing in (("\\bigg[", "\\bigg]"), ("\\left[", "\\right]"), ("[", "]")):
        written = BRACKETED.replace("OPEN", opening).replace("CLOSE", closing)
        assert step(ROWS, written.replace("SIGN", "-")).startswith("holds"), opening
        assert step(ROWS, written.replace("SIGN", "")).startswith("fails"), opening


def test_a_control_space_between_a_gradient_and_a_jacobian_is_a_product():
    chain = "\\nabla_{\\mathbf x} H = \\nabla_{\\mathbf s} H \\ \\mathbf J_{\\mathbf x}(\\mathbf s)"
    assert step(ROWS, chain).startswith("holds")
    swapped = (
        "\\nabla_{\\mathbf x} H = \\nabla_{\\mathbf s} H \\ \\mathbf J_{\\mathbf s}(\\mathbf x)"
    )
    assert not step(ROWS, swapped).startswith("holds")
