"""Cases written ``\\left\\{\\begin{matrix} … & if & i=j \\\\ … \\end{matrix}\\right.`` (a README's
codecogs image title): the word "if" in a column of its own; each case judged, with a wrong
twin."""

from __future__ import annotations

from symsoft.reading.document import check_document

CASES = r"""
Let $p_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$.

$$\frac{\partial p_i}{\partial a_j}=\left\{\begin{matrix} p_i(1-p_i) & if & i=j\\ OFF & if & i\neq j \end{matrix}\right.$$
"""  # noqa: E501 - the display as the README writes it


def test_cases_with_the_word_if_in_a_column_of_its_own() -> None:
    steps = check_document(CASES.replace("OFF", "-p_j p_i")).steps
    assert [(s.summary, s.flagged) for s in steps] == [
        ("holds when i = j", False),
        ("holds when i ≠ j", False),
    ]


def test_a_wrong_case_with_the_word_if_is_flagged() -> None:
    steps = check_document(CASES.replace("OFF", "p_j p_i")).steps
    assert [s.flagged for s in steps] == [False, True]
    assert steps[1].summary.startswith("fails when i ≠ j")
