"""Readings added in the twenty-fourth session's rounds of real posts. Every reading that holds
has a twin with a slip that does not."""

from __future__ import annotations

from tests.steps import all_summaries, summaries

WORKED_LOSS = (
    "The network gives $\\hat y = (0.228, 0.619, 0.153)$ and the target is $y = (0, 1, 0)$.\n\n"
    "$$H = - (0.0*log(0.228) + 1.0*log(0.619) + 0.0*log(0.153)) = RHS$$\n"
)


def loss_step(rhs: str) -> str:
    """What the second step of the worked loss says (the first defines H)."""
    return all_summaries(WORKED_LOSS.replace("RHS", rhs))[3][1]


def test_a_worked_loss_with_rounded_probabilities_holds_to_their_digits():
    # -log(0.619) = 0.47965…: 0.479 lies within the rounding of 0.619 (1.0 and 0.0 are exact)
    held = loss_step("0.479")
    assert held.startswith("holds to the digits written") and "rounding of its decimals" in held
    assert loss_step("0.480").startswith("holds to the digits")
    assert loss_step("0.497").startswith("fails")  # digits swapped
    assert loss_step("0.52").startswith("fails")
    assert "base 10" in loss_step("0.208")  # right with log10 only: not the flag, not a proof


def test_a_one_written_as_1_0_is_exact_and_excuses_no_wide_range():
    # 1.0 and 0.0 are whole numbers: they do not widen the range (1.0 ± 0.05 would excuse 0.47)
    assert loss_step("0.47").startswith("fails")


# a blog whose paragraphs are its lines (Blogger, a pasted page): no blank line around the math
LINES = (
    "First, we derive the sigmoid function:\n"
    "$S(x) = \\frac{1}{1 + e^{-x}}$\n"
    "using simple techniques.\n"
    "Then,\n"
    "$\\frac{dS}{dx} = RHS$\n"
    "Objective reached.\n"
)


def test_a_lone_math_line_under_a_finished_clause_is_a_display():
    assert summaries(LINES.replace("RHS", "\\frac{e^{-x}}{(1 + e^{-x})^2}"))[5] == "holds"
    assert summaries(LINES.replace("RHS", "\\frac{-e^{-x}}{(1 + e^{-x})^2}"))[5].startswith("fails")


def test_a_lone_math_line_under_a_supposition_or_a_sentence_going_on_is_no_claim():
    for lead in ("Suppose that,", "We want to show", "and we then get"):
        wish = LINES.replace("Then,", lead).replace("RHS", "\\frac{-e^{-x}}{(1 + e^{-x})^2}")
        assert 5 not in summaries(wish), lead


HEXO = (
    "The softmax is {% mathjax %} p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}} {% endmathjax %} and "
    "its derivative is:\n\n"
    '<div style="display: flex;">\n'
    "\t{% mathjax %}\n"
    "\t\\frac{\\partial p_i}{\\partial z_i} = RHS\n"
    "\t{% endmathjax %}\n"
    "</div>\n"
)


def test_hexo_math_tags_are_math_delimiters():
    assert summaries(HEXO.replace("RHS", "p_i (1 - p_i)"))[5] == "holds"
    assert summaries(HEXO.replace("RHS", "p_i (1 + p_i)"))[5].startswith("fails")


TEX_LINES = (
    "\\documentclass{article}\n\\begin{document}\n"
    "Let $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ be the sigmoid. \\\\ \\\\\n\n"
    "$\\frac{d\\sigma}{dz} = \\frac{e^{-z}}{(1 + e^{-z})^2}$ \\\\\n\n"
    "$= RHS$ \\\\ \\\\\n\n"
    "\\end{document}\n"
)


def test_a_latex_paragraph_of_one_formula_is_a_display():
    held = all_summaries(TEX_LINES.replace("RHS", "\\sigma(z)(1 - \\sigma(z))"))
    assert held[5] == ["holds"] and held[7] == ["holds"]
    slip = all_summaries(TEX_LINES.replace("RHS", "\\sigma(z)(1 + \\sigma(z))"))
    assert slip[7][0].startswith("fails")
    inline = TEX_LINES.replace(
        "$= RHS$ \\\\ \\\\", "so the slope is $= \\sigma(z)(1 + \\sigma(z))$."
    )
    assert 7 not in all_summaries(inline)  # math in a sentence stays inline
