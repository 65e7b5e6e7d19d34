"""Index cases announced in prose away from their steps: a heading or a line that only names a
case keeps its section in that case across prose that names no other, and a sentence that runs
into a display is read from its own paragraph. Every reading that holds has a twin with a slip
that does not, and a twin where the case is not stated."""

from __future__ import annotations

from tests.steps import all_summaries, summaries


def _unread_or_flagged(summary: str) -> bool:
    """Not "holds" (nor "holds when …"): flagged as holding in one case only, failing, or left
    not checked."""
    return summary.startswith(("holds only", "fails", "not checked"))


SOFTMAX = "Let $\\sigma_i = \\frac{e^{z_i}}{S}$ with $S = \\sum_k e^{z_k}$.\n\n"

# a course's section: the heading names the case, then a sentence, a list of part derivatives
# (one restating the case), "Substituting:" and the display
HEADED = SOFTMAX + (
    "### Case 2: Off-Diagonal Elements ($i \\neq j$)\n\n"  # line 3
    "Again using the quotient rule:\n\n"
    "$$\\frac{\\partial \\sigma_i}{\\partial z_j} = \\frac{0 \\cdot S - e^{z_i} e^{z_j}}{S^2}$$\n\n"
    "Computing the derivatives:\n"  # line 9
    "- $\\frac{\\partial}{\\partial z_j}(e^{z_i}) = 0$ (since $i \\neq j$)\n"
    "- $\\frac{\\partial S}{\\partial z_j} = e^{z_j}$\n\n"
    "Substituting:\n\n"
    "$$\\frac{\\partial \\sigma_i}{\\partial z_j} = "
    "-\\frac{e^{z_i}}{S} \\cdot \\frac{e^{z_j}}{S}$$\n"
)


def test_a_heading_keeps_its_case_across_prose_that_names_no_other():
    assert summaries(HEADED)[15] == "holds when i ≠ j"


def test_a_slip_under_the_heading_is_flagged_in_its_case():
    flipped = HEADED.replace("= -\\frac{e^{z_i}}{S} \\cdot", "= \\frac{e^{z_i}}{S} \\cdot")
    assert summaries(flipped)[15].startswith("fails when i ≠ j"), summaries(flipped)[15]
    swapped = HEADED.replace("\\cdot \\frac{e^{z_j}}{S}$$", "\\cdot \\frac{e^{z_i}}{S}$$")
    assert summaries(swapped)[15].startswith("fails when i ≠ j"), summaries(swapped)[15]


def test_prose_that_names_another_case_ends_the_headings_case():
    other = HEADED.replace("Substituting:", "Now take $i = j$ instead:")
    assert not summaries(other)[15].startswith(("holds", "fails when i ≠ j"))
    together = HEADED.replace("Substituting:", "Combining both cases:")
    assert _unread_or_flagged(summaries(together)[15]), summaries(together)[15]


def test_without_the_heading_the_step_does_not_hold():
    # no case stated: flagged as holding in one case only, or not checked, never "holds"
    plain = HEADED.replace("### Case 2: Off-Diagonal Elements ($i \\neq j$)", "### The derivative")
    plain = plain.replace(" (since $i \\neq j$)", "")
    assert _unread_or_flagged(summaries(plain)[15]), summaries(plain)[15]


def test_the_case_i_neq_j_before_the_diagonal_formula_never_holds():
    diagonal = HEADED.replace(
        "= -\\frac{e^{z_i}}{S} \\cdot \\frac{e^{z_j}}{S}$$", "= \\sigma_i (1 - \\sigma_i)$$"
    )
    assert _unread_or_flagged(summaries(diagonal)[15]), summaries(diagonal)[15]


# a Korean note: a numbered line names the case, a sentence restates it with entries, then the
# displays with a sentence between them
NUMBERED = (
    "$$p_i = \\frac{\\exp(z_i)}{\\sum_{j=1}^{n} \\exp(z_j)}$$\n\n"
    "2. $i \\neq k$인 경우\n\n"  # line 3
    "이때, $z_i \\neq z_k$이다.\n\n"
    "$$\n\\frac{\\partial p_i}{\\partial z_k} = "
    "\\frac{- \\exp(z_i) \\cdot \\exp(z_k)}{\\left(\\sum_{j=1}^{n} \\exp(z_j)\\right)^2}\n$$\n\n"
    "이를 다시 $p_i$와 $p_k$로 표현하면 아래와 같다.\n\n"  # line 11
    "$$\n\\frac{\\partial p_i}{\\partial z_k} = - p_i \\cdot p_k\n$$\n"  # line 14
)


def test_a_numbered_line_that_names_a_case_puts_its_section_in_it():
    found = summaries(NUMBERED)
    assert found[8] == "holds when i ≠ k", found[8]
    assert found[14] == "holds when i ≠ k", found[14]


def test_a_slip_under_the_numbered_case_is_flagged():
    dropped = NUMBERED.replace("= - p_i \\cdot p_k", "= p_i \\cdot p_k")
    assert summaries(dropped)[14].startswith("fails when i ≠ k"), summaries(dropped)[14]
    swapped = NUMBERED.replace("= - p_i \\cdot p_k", "= - p_i \\cdot p_i")
    assert summaries(swapped)[14].startswith("fails when i ≠ k"), summaries(swapped)[14]


def test_a_numbered_line_that_is_no_case_announces_nothing():
    unnamed = NUMBERED.replace("2. $i \\neq k$인 경우", "2. 미분").replace(
        "이때, $z_i \\neq z_k$이다.", "이때, 분자를 미분한다."
    )
    assert _unread_or_flagged(summaries(unnamed)[14]), summaries(unnamed)[14]
    summed = NUMBERED.replace("이를 다시", "정리하면, 이를 다시")
    assert _unread_or_flagged(summaries(summed)[14]), summaries(summed)[14]


# a README: a paragraph naming both cases without a full stop, then the case of the display
PARAGRAPHS = (
    "Let $y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ and $z_i = \\log y_i$.\n\n"
    "For softmax, when $i = k$, we have $\\partial y_i / \\partial x_k = y_i (1 - y_i)$ "
    "and when $i \\neq k$, we have $\\partial y_i / \\partial x_k = - y_i y_k$\n\n"
    "Therefore, for the log-softmax function, when $i = k$, we have\n\n"
    "$$ \\partial z_i / \\partial x_k = y_i^{-1} \\cdot y_i \\cdot (1 - y_i) = 1 - y_k $$\n"
)


def test_a_sentence_into_a_display_is_read_from_its_own_paragraph():
    found = all_summaries(PARAGRAPHS)[7]
    assert found[-1] == "holds when i = k", found


def test_a_slip_in_the_paragraphs_case_is_flagged_and_an_unstated_case_is_not_read():
    slipped = PARAGRAPHS.replace("= 1 - y_k $$", "= 1 + y_k $$")
    assert all_summaries(slipped)[7][-1].startswith("fails when i = k")
    unstated = PARAGRAPHS.replace("function, when $i = k$, we have", "function, we have")
    assert _unread_or_flagged(all_summaries(unstated)[7][-1]), all_summaries(unstated)[7]
    other = PARAGRAPHS.replace("function, when $i = k$, we have", "function, when $i \\neq k$,")
    assert _unread_or_flagged(all_summaries(other)[7][-1]), all_summaries(other)[7]


# a Japanese note: the case is a line of its own, a sentence between it and the display
LABELLED = SOFTMAX + (
    "- $i \\neq j$の場合:\n\n"  # line 3
    "分子は $z_j$ に依存しないので、\n\n"
    "$$\\frac{\\partial \\sigma_i}{\\partial z_j} = -\\frac{e^{z_i} e^{z_j}}{S^2}$$\n"  # line 7
)


def test_a_list_item_that_only_names_a_case_is_read_across_a_sentence():
    assert summaries(LABELLED)[7] == "holds when i ≠ j", summaries(LABELLED)[7]
    flipped = LABELLED.replace("= -\\frac{e^{z_i} e^{z_j}}{S^2}", "= \\frac{e^{z_i} e^{z_j}}{S^2}")
    assert summaries(flipped)[7].startswith("fails when i ≠ j"), summaries(flipped)[7]
    diagonal = LABELLED.replace("- $i \\neq j$の場合:", "- $i = j$の場合:")
    assert _unread_or_flagged(summaries(diagonal)[7]), summaries(diagonal)[7]
