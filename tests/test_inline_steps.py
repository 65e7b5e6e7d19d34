"""Steps written inline that the reader finds: the ``\\item $…$`` of a LaTeX list (Beamer
slides write every step as an item). Every reading that holds has a twin with a slip that does
not, and a twin whose words make it no step."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import summaries

SLIDES = r"""\documentclass{beamer}
\begin{document}
\begin{frame}{Softmax and cross entropy}
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_k y_k \log p_k$ with $\sum_k y_k = 1$.
\begin{itemize}
\item $\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)$
\item $\frac{\partial L}{\partial z_j} = p_j - y_j$
\end{itemize}
\end{frame}
\end{document}
"""


def test_a_latex_item_holding_one_equation_with_a_derivative_is_a_step():
    found = summaries(SLIDES)
    assert found[6] == "holds", found
    assert found[7].startswith("holds"), found


@pytest.mark.parametrize(
    ("right", "wrong", "line"),
    [
        ("p_j - y_j$", "y_j - p_j$", 7),  # the sign flipped
        ("\\delta_{ij} - p_j", "\\delta_{ij} + p_j", 6),  # a term's sign flipped
        ("\\delta_{ij} - p_j", "\\delta_{ij} - p_i", 6),  # the index swapped
        ("p_i(\\delta_{ij} - p_j)", "p_i \\delta_{ij}", 6),  # a term dropped
    ],
)
def test_a_slip_in_a_latex_item_is_flagged(right, wrong, line):
    found = summaries(SLIDES.replace(right, wrong))
    assert found[line].startswith(("fails", "holds only when")), found


@pytest.mark.parametrize(
    "change",
    [
        ("$\n\\item $\\frac{\\partial L}", "$ is wrong\n\\item $\\frac{\\partial L}"),  # a slip
        ("$\n\\item $\\frac{\\partial L}", "$\n  when $i = j$\n\\item $\\frac{\\partial L}"),
        ("\\item $\\frac{\\partial p_i}", "\\item[Case $i = j$] $\\frac{\\partial p_i}"),
        ("= 1$.\n\\begin{itemize}", "= 1$.\nCommon mistakes:\n\\begin{itemize}"),
        ("= 1$.\n\\begin{itemize}", "= 1$.\nSuppose that\n\\begin{itemize}"),
        ("\\begin{itemize}", "A common mistake is to write these.\n\\begin{itemize}"),
        ("\\item $\\frac{\\partial p_i}", "\\item We want $\\frac{\\partial p_i}"),
    ],
)
def test_an_item_the_words_make_a_case_a_slip_or_a_hypothesis_is_no_step(change):
    found = summaries(SLIDES.replace("\\delta_{ij} - p_j", "\\delta_{ij} + p_j").replace(*change))
    assert not found.get(6, "").startswith(("fails", "holds")), found


def test_a_definition_in_an_item_is_no_step_and_defines():
    text = SLIDES.replace(
        "\\item $\\frac{\\partial p_i}",
        "\\item $g(x) = e^x$\n\\item $\\frac{\\partial p_i}",
    )
    found = summaries(text)
    assert 6 not in found and found[7] == "holds", found


JAPANESE = r"""\documentclass{beamer}
\begin{document}
\begin{frame}{シグモイド関数の微分}
$\sigma(x) = \frac{1}{1 + e^{-x}}$とする.
\begin{itemize}
\item $\frac{d \sigma}{d x} = \frac{e^{-x}}{(1 + e^{-x})^2}$
\item $= \sigma(x)(1 - \sigma(x))$となる.
\end{itemize}
\end{frame}
\end{document}
"""


def test_an_item_continuing_the_chain_and_words_asserting_it_after_the_math_are_read():
    found = summaries(JAPANESE)
    assert found[6] == "holds" and found[7] == "holds", found
    found = summaries(JAPANESE.replace("(1 - \\sigma(x))$", "(1 + \\sigma(x))$"))
    assert found[6] == "holds" and found[7].startswith("fails"), found


@pytest.mark.parametrize(
    "tail",
    ["となるように", "となる場合", "は間違い."],  # "so that", "in the case", "is a slip"
)
def test_japanese_words_after_the_math_that_assert_nothing_leave_the_item_unread(tail):
    text = JAPANESE.replace("(1 + e^{-x})^2}$", "(1 + e^{-x})^2}$" + tail)
    text = text.replace("e^{-x}}{(1 + e^{-x})^2}", "e^{-x}}{(1 + e^{-x})^3}")
    found = summaries(text)
    assert not found.get(6, "").startswith(("fails", "holds")), found


def test_an_item_starting_with_equals_below_no_step_is_not_read():
    text = JAPANESE.replace("\\item $\\frac{d \\sigma}{d x}", "\\item $u = e^{-x}$ とおく\n%")
    found = summaries(text.replace("(1 - \\sigma(x))$", "(1 + \\sigma(x))$"))
    assert not any(s.startswith("fails") for s in found.values()), found


ANNOTATED = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$.\n\n$$\n\\begin{align*}\n"
    "L &= -\\log p_y = -z_y + \\log \\sum_j e^{z_j} \\\\\n"
    "\\frac{\\partial L}{\\partial z_i} &= \\frac{1}{\\sum_j e^{z_j}} "
    "\\frac{\\partial}{\\partial z_i} \\left(\\sum_j e^{z_j}\\right) - \\delta_{iy} "
    "&& \\text{from} \\hspace{10pt} \\frac{d}{dx} \\ln(x) = \\frac{1}{x} \\\\\n"
    "&= p_i - \\delta_{iy}\n\\end{align*}\n$$\n"
)


def test_a_reason_in_an_annotation_column_is_a_step_of_its_own_beside_the_chain():
    # "&& \text{from} …": the next row goes on from the row, not from the reason's right side
    steps = {(s.line, s.column): s.summary for s in check_document(ANNOTATED).steps}
    assert steps[(6, 34)] == "holds" and steps[(6, 182)] == "holds", steps
    assert steps[(7, 2)] == "holds", steps


@pytest.mark.parametrize(
    ("right", "wrong", "where"),
    [
        ("p_i - \\delta_{iy}\n", "p_i + \\delta_{iy}\n", (7, 2)),  # the row's sign flipped
        ("= \\frac{1}{x}", "= \\frac{-1}{x}", (6, 182)),  # the reason's sign flipped
        ("= \\frac{1}{x}", "= \\frac{1}{x^2}", (6, 182)),  # the reason's power slipped
    ],
)
def test_a_slip_in_the_row_or_in_its_annotated_reason_is_flagged_where_it_is(right, wrong, where):
    steps = {(s.line, s.column): s for s in check_document(ANNOTATED.replace(right, wrong)).steps}
    assert steps[where].summary.startswith(("fails", "holds only when")), steps[where]
    assert sum(s.summary.startswith(("fails", "holds only")) for s in steps.values()) == 1


def test_an_annotation_naming_an_index_range_is_no_step():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$ and $L = -\\sum_j y_j \\log p_j$.\n\n"
        "$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i "
        "\\quad \\text{from } i = 1 \\text{ to } n$$\n"
    )
    assert not any(s.startswith(("fails", "holds")) for s in summaries(text).values())


TERMS = r"""Let $\sigma_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$.

Using the quotient rule, the terms are:

- $\frac{\partial}{\partial z_j}(e^{z_i}) = 0$ (since $i \neq j$)
- $\frac{\partial \sigma_i}{\partial z_j} = -\sigma_i \sigma_j$ (for $i \neq j$)
"""


def test_a_list_items_equation_followed_by_its_index_case_in_parentheses_is_a_step_in_it():
    found = summaries(TERMS)
    assert found[5] == "holds when i ≠ j" and found[6] == "holds when i ≠ j", found


@pytest.mark.parametrize(
    ("right", "wrong", "line"),
    [
        ("= 0$", "= e^{z_i}$", 5),  # a term kept that the case drops
        ("= -\\sigma_i \\sigma_j$", "= \\sigma_i \\sigma_j$", 6),  # the sign flipped
        ("(since $i \\neq j$)", "(since $i = j$)", 5),  # the other case
    ],
)
def test_a_slip_in_an_item_with_its_case_in_parentheses_fails(right, wrong, line):
    found = summaries(TERMS.replace(right, wrong))
    assert found[line].startswith("fails when"), found


@pytest.mark.parametrize(
    "change",
    [
        ("(since $i \\neq j$)", "(not $i \\neq j$)"),  # no case word
        ("(since $i \\neq j$)", "(since $i \\neq j$) is wrong"),  # the sentence goes on
        ("(since $i \\neq j$)", "(since $i \\neq j$"),  # a parenthesis left open
        (
            "- $\\frac{\\partial}{\\partial z_j}(e^{z_i})",
            "- Naively $\\frac{\\partial}{\\partial z_j}(e^{z_i})",
        ),
    ],
)
def test_an_item_with_a_parenthesis_that_is_no_case_is_not_read(change):
    found = summaries(TERMS.replace("= 0$", "= e^{z_i}$").replace(*change))
    assert not found.get(5, "").startswith(("fails", "holds")), found


def test_an_item_inside_a_display_or_after_one_never_closed_is_no_item():
    slipped = SLIDES.replace("p_j - y_j$", "y_j - p_j$")
    unclosed = slipped.replace("\\begin{itemize}", "\\[ x = 1\n\\begin{itemize}")
    assert not any(s.startswith("fails") for s in summaries(unclosed).values())
    inside = slipped.replace("\\begin{itemize}", "\\begin{equation}\\begin{itemize}")
    inside = inside.replace("\\end{itemize}", "\\end{itemize}\\end{equation}")
    assert not any(s.startswith("fails") for s in summaries(inside).values())
