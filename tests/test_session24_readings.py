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


def test_a_hexo_tag_in_a_sentence_is_inline_math():
    # the sentence's tag is read as $…$: its equation is no step (here a wrong one, unflagged)
    said = HEXO.replace("p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}", "p_i = e^{z_i}")
    assert 1 not in summaries(said.replace("RHS", "p_i (1 - p_i)"))


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


KOREAN = (
    "시그모이드 $\\sigma(x) = \\frac{1}{1+e^{-x}}$ 를 미분한다.\n\n"
    "$\\sigma'(x) = RHS$이므로:\n\n"
    "**따름정리:** $\\sigma'(0) = \\sigma(0)(1-\\sigma(0)) = VALUE$.\n"
)


def test_a_derivative_said_as_a_premise_or_under_a_label_in_korean_is_a_step():
    good = KOREAN.replace("RHS", "\\sigma(x)(1-\\sigma(x))").replace("VALUE", "\\frac{1}{4}")
    found = all_summaries(good)
    assert found[3] == ["holds"] and found[5] == ["holds", "holds"]
    slip = KOREAN.replace("RHS", "\\sigma(x)(1+\\sigma(x))").replace("VALUE", "\\frac{1}{2}")
    found = all_summaries(slip)
    assert found[3][0].startswith("fails") and found[5][1].startswith("fails")


def test_a_label_that_is_a_case_or_a_wish_leads_no_claim():
    for label in ("**만약 i = j:**", "**如果：**", "**Suppose:**"):
        text = KOREAN.replace("**따름정리:**", label).replace("VALUE", "\\frac{1}{2}")
        assert 5 not in all_summaries(text.replace("RHS", "\\sigma(x)(1-\\sigma(x))")), label


APPROXIMATE = "Take $z = 0.15$.\n\n$$a = \\frac{1}{1 + e^{-0.15}} \\approx RHS$$\n"


def approximation(rhs: str) -> str:
    """What the approximation step says (the first step defines a)."""
    return all_summaries(APPROXIMATE.replace("RHS", rhs))[3][1]


def test_an_approximation_between_numbers_is_judged_to_its_digits():
    # 1 / (1 + e^{-0.15}) = 0.537429…
    assert approximation("0.5374").startswith("holds to the digits written")
    assert approximation("0.537").endswith("rounded (≈)")
    assert approximation("0.5").startswith("holds to the digits written")
    assert approximation("0.550").startswith("fails")  # three digits, 2 % off
    assert approximation("0.4626").startswith("fails")  # 1 - a put for a
    assert approximation("0.5375").startswith("not checked")  # one above: neither cut nor rounded


def test_an_approximation_coarser_than_its_digits_is_not_decided():
    assert approximation("0.5390").startswith("not checked: an approximation")
    assert approximation("1").startswith("not checked")  # to its units, or a slip?
    assert approximation("0.55").startswith("not checked")  # two digits: a rough estimate
    rough = "$$2^{10} = 1024 \\approx 1000$$\n\n$$e^{-0.15} \\approx 1 - 0.15$$\n"
    found = all_summaries(rough)
    assert found[1][1].startswith("not checked") and found[3][0].startswith("not checked")
    symbolic = "$$\\log(1 + x) \\approx x$$\n"
    (step,) = all_summaries(symbolic)[1]
    assert step.startswith("not checked") and "not an equality" in step


THROUGH_U = (
    "The sigmoid is $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.\n\n"
    "Let $u = U$, then:\n\n"
    "$$\\sigma(z) = u^{-1}, \\quad \\frac{d\\sigma(z)}{dz} = -u^{-2} \\cdot (-e^{-z})$$\n\n"
    "Quotient rule with $f(z) = 1$ and $g(z) = 1 + e^{-z}$:\n\n"
    "$$\\sigma(z) = \\frac{f(z)}{g(z)}$$\n\n"
    "$$\\frac{d\\sigma(z)}{dz} = RHS$$\n"
)


def test_sigma_restated_through_a_named_denominator_is_still_the_sigmoid():
    text = THROUGH_U.replace("U", "1 + e^{-z}")
    assert all_summaries(text.replace("RHS", "\\sigma(z)(1 - \\sigma(z))"))[11] == ["holds"]
    assert all_summaries(text.replace("RHS", "\\sigma(z)(1 + \\sigma(z))"))[11][0].startswith(
        "fails"
    )


def test_sigma_restated_through_another_value_is_another_function():
    text = THROUGH_U.replace("U", "1 + e^{-2z}").replace("RHS", "\\sigma(z)(1 - \\sigma(z))")
    assert all_summaries(text)[11][0].startswith("not checked")


STARRED = (
    "The softmax $y_i = \\frac{\\exp(x_i)}{\\sum_{j=1}^{k} \\exp(x_j)}$ is shifted by a constant "
    "$C^* = -x_1$, the first logit:\n\n"
    "$$\\frac{\\exp(x_i + C^*)}{\\sum_{j=1}^{k} \\exp(x_j + RHS)} = y_i$$\n"
)


def test_a_starred_letter_is_a_name_of_its_own():
    for star in ("C^*", "C^{*}", "C^{\\ast}"):
        assert summaries(STARRED.replace("RHS", star))[3] == "holds", star
    assert summaries(STARRED.replace("RHS", "2C^*"))[3].startswith("fails")
    assert summaries(STARRED.replace("RHS", "C"))[3].startswith("not checked: C is not defined")


def test_a_korean_label_that_names_a_slip_leads_no_claim():
    # red team: "common mistake" and "counterexample" labels present wrong formulas
    for label in ("**흔한 실수:**", "**반례:**"):
        slip = KOREAN.replace("**따름정리:**", label).replace("VALUE", "\\frac{1}{2}")
        assert 5 not in all_summaries(slip.replace("RHS", "\\sigma(x)(1-\\sigma(x))")), label


def test_a_latex_formula_paragraph_after_a_supposition_or_a_slip_is_no_claim():
    wrong = TEX_LINES.replace("RHS", "\\sigma(z)(1 + \\sigma(z))")
    for lead in ("Suppose for contradiction that \\\\", "A common mistake is to write \\\\"):
        led = wrong.replace("$= \\sigma", "$\\frac{d\\sigma}{dz} = \\sigma").replace(
            "\n\n$\\frac{d\\sigma}{dz} = \\sigma",
            f"\n\n{lead}\n\n$\\frac{{d\\sigma}}{{dz}} = \\sigma",
        )
        assert not any(s[0].startswith("fails") for s in all_summaries(led).values()), lead


def test_the_log_of_a_product_of_factors_that_may_be_negative_is_not_split():
    text = (
        "Let $t_i = \\tanh(z_i)$, which can be negative.\n\n"
        "$$\\log \\prod_{i=1}^{N} t_i = \\sum_{i=1}^{N} \\log t_i$$\n"
    )
    assert not all_summaries(text)[3][0].startswith("holds")
