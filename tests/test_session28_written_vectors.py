"""Session 28: a vector defined by its entries written out (bmatrix, pmatrix, with dots) is the
definition of its entry at every index.  Every reading that holds has a wrong twin, and entries
that follow no one formula are not read."""

from __future__ import annotations

from tests.steps import summaries

# a column of outputs beside a number times a column of exponentials (a Japanese blog's style)
COLUMNS = (
    "With inputs $x_i$ and outputs $y_i$:\n"
    "$$\n\\begin{pmatrix}\ny_1 \\\\\ny_2 \\\\\n\\vdots \\\\\ny_n\n\\end{pmatrix}\n=\n"
    "\\frac{1}{\\sum_{j=1}^n e^{x_j}}\n"
    "\\begin{pmatrix}\ne^{x_1} \\\\\ne^{x_2} \\\\\n\\vdots \\\\\ne^{x_n}\n\\end{pmatrix}\n$$\n"
    "For $i \\neq j$,\n$$\n\\frac{\\partial y_i}{\\partial x_j} = STEP\n$$\n"
)

# a bold vector set equal to its entries, each a fraction (a course's notes)
BOLD = (
    "The probabilities are\n\n"
    "$$\\mathbf{p} = \\begin{bmatrix} \\frac{e^{z_1}}{\\sum_k e^{z_k}} \\\\ "
    "\\vdots \\\\ \\frac{e^{z_K}}{\\sum_k e^{z_k}} \\end{bmatrix}$$\n\n"
    "so on the diagonal\n\n$$\\frac{\\partial p_i}{\\partial z_i} = STEP$$\n"
)


def test_a_column_written_out_beside_a_number_defines_each_entry():
    found = summaries(COLUMNS.replace("STEP", "-y_i y_j"))
    assert found[9].startswith("definition of y")
    assert found[20] == "holds when i ≠ j"


def test_a_wrong_step_on_a_column_written_out_is_refuted():
    assert summaries(COLUMNS.replace("STEP", "y_i y_j"))[20].startswith("fails")
    assert summaries(COLUMNS.replace("STEP", "-y_i y_i"))[20].startswith("fails")


def test_a_bold_vector_equal_to_its_entries_written_out_defines_them():
    assert summaries(BOLD.replace("STEP", "p_i(1 - p_i)"))[7] == "holds"
    assert summaries(BOLD.replace("STEP", "p_i(1 + p_i)"))[7].startswith("fails")
    assert summaries(BOLD.replace("STEP", "p_i"))[7].startswith("fails")


def test_entries_that_follow_no_one_formula_are_not_read():
    odd = BOLD.replace("\\frac{e^{z_K}}{\\sum_k e^{z_k}}", "\\frac{e^{z_1}}{\\sum_k e^{z_k}}")
    assert summaries(odd.replace("STEP", "p_i(1 + p_i)"))[7].startswith("not checked")
    undotted = BOLD.replace("\\vdots \\\\ ", "")
    assert summaries(undotted.replace("STEP", "p_i(1 + p_i)"))[7].startswith("not checked")


def test_a_matrix_written_out_is_no_vector_of_entries():
    matrix = BOLD.replace(" \\\\ \\vdots \\\\ ", " & \\vdots \\\\ 0 & ")
    assert not summaries(matrix.replace("STEP", "p_i(1 + p_i)"))[7].startswith("fails")


def test_a_number_that_depends_on_the_index_is_no_coefficient():
    # \frac{1}{y_i} before the column: not one number for every entry
    text = COLUMNS.replace("\\frac{1}{\\sum_{j=1}^n e^{x_j}}", "\\frac{1}{x_i}")
    assert not summaries(text.replace("STEP", "y_i y_j"))[20].startswith("fails")


def test_a_vector_equal_to_its_own_entries_written_out_defines_nothing():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and collect them:\n\n"
        "$$\\mathbf{p} = \\begin{bmatrix} p_1 \\\\ \\vdots \\\\ p_K \\end{bmatrix}$$\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_i} = STEP$$\n"
    )
    assert summaries(text.replace("STEP", "p_i(1 - p_i)"))[5] == "holds"
    assert summaries(text.replace("STEP", "p_i(1 + p_i)"))[5].startswith("fails")
