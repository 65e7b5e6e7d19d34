"""Lines of LaTeX that lost their delimiters (a page stored without its ```math fences, as a
Qiita post): a run of lines that are mathematics and nothing else is read as a display when it
writes an equation, so its steps are judged and a wrong twin is flagged; a line with prose in
it, a heading, a list item or code is never such a line."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.bare_math import bare_math_blocks

POST = """活性化関数Softmaxの出力を$p$とします。
p_i = \\frac{\\exp(z_i)}{\\sum_{k=1}^n \\exp(z_k)}
L = - \\sum_{k=1}^n y_k \\log p_k
よって
\\frac{\\partial L}{\\partial z_i} = RHS
"""


@pytest.mark.parametrize(
    ("rhs", "status"),
    [("p_i \\sum_{k=1}^n y_k - y_i", "holds"), ("p_i \\sum_{k=1}^n y_k + y_i", "fails")],
)
def test_lines_that_lost_their_delimiters_are_read(rhs: str, status: str) -> None:
    steps = check_document(POST.replace("RHS", rhs)).steps
    assert [s.status for s in steps[:2]] == ["definition", "definition"]
    assert (steps[-1].line, steps[-1].status, steps[-1].flagged) == (5, status, status == "fails")


@pytest.mark.parametrize(
    "line",
    [
        "The gradient is \\frac{\\partial L}{\\partial z_i} = p_i - y_i here.",  # prose around it
        "# \\frac{\\partial L}{\\partial z_i} = p_i - y_i",  # a heading
        "- \\frac{\\partial L}{\\partial z_i} = p_i - y_i means",  # a list item with a word
        "loss = -np.sum(y * np.log(p))",  # code
        "したがって \\frac{\\partial L}{\\partial z_i} = p_i - y_i",  # words of a sentence
        "x = 3",  # no command, no script: the plain-text reader's
    ],
)
def test_a_line_with_prose_or_code_is_no_bare_math(line: str) -> None:
    assert bare_math_blocks(f"Intro.\n{line}\nEnd.\n", []) == []


def test_a_run_of_lines_is_one_display_and_a_display_found_is_not_taken_again() -> None:
    source = "Text.\na_{ij} = \\frac{1}{2} \\\\\n= b_{ij}\nText.\n"
    (block,) = bare_math_blocks(source, [])
    assert source[block[0] : block[1]] == "a_{ij} = \\frac{1}{2} \\\\\n= b_{ij}"
    assert bare_math_blocks(source, [(block[0], block[1])]) == []
