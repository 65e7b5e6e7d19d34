"""Readings and messages mended in the twenty-fifth session. Every reading that holds has a
twin with a slip that does not."""

from __future__ import annotations

from symsoft.reading.document import check_document
from tests.steps import all_summaries, summaries


def messages(text: str) -> list[str]:
    return [step.message("post.md") for step in check_document(text).steps]


def test_a_failed_approximation_is_printed_with_its_own_sign_and_rounded_values():
    text = "At one:\n\n$$\\frac{1}{1+e^{-1}} \\approx RHS$$\n"
    wrong = messages(text.replace("RHS", "0.8311"))[0]
    assert "fails (not even approximately: ≈)" in wrong
    assert "\\frac{1}{1+e^{-1}} ≈ 0.8311" in wrong
    assert "the left side is 0.731059, the right side 0.8311" in wrong
    assert "N = 1" not in wrong and "counterexample" not in wrong
    right = messages(text.replace("RHS", "0.7311"))[0]
    assert right.startswith("post.md:3: step 1 of display 1 holds to the digits written")


def test_a_wrong_step_between_numbers_shows_its_two_values_and_no_size():
    text = "Numbers:\n\n$$e^{0} + 1 = RHS$$\n"
    wrong = messages(text.replace("RHS", "3"))[0]
    assert wrong.endswith("fails: e^{0} + 1 = 3; the left side is 2, the right side 3")
    assert messages(text.replace("RHS", "2"))[0].endswith("holds")


SIGMOID = "Let $\\sigma(x) = \\frac{1}{1+e^{-x}}$.\n\n"


def test_a_step_with_names_still_shows_the_point_of_its_counterexample():
    text = SIGMOID + "$$\\sigma'(x) = \\sigma(x)(1 + \\sigma(x))$$\n"
    wrong = messages(text)[-1]
    assert "fails" in wrong and "; counterexample x = " in wrong
    right = messages(text.replace("(1 + ", "(1 - "))[-1]
    assert "holds" in right and "counterexample" not in right


SIGMA_SOFTMAX = "Softmax: $S_{i} = \\frac{e^{z_{i}}}{\\Sigma_{j=1}^{K} e^{z_{j}}}$.\n\n"


def test_the_capital_sigma_with_an_index_below_is_the_sum_sign():
    text = SIGMA_SOFTMAX + "$$\\frac{\\partial S_i}{\\partial z_i} = RHS$$\n"
    assert summaries(text.replace("RHS", "S_i (1 - S_i)"))[3] == "holds"
    assert summaries(text.replace("RHS", "S_i (1 + S_i)"))[3].startswith("fails")
    # written with the Unicode sign inside a display, the sum is read too
    plain = (
        "Softmax: $S_{i} = \\frac{e^{z_{i}}}{\\sum_{j=1}^{K} e^{z_{j}}}$.\n\n"
        "$$\\frac{\\partial S_i}{\\partial z_i} = \\frac{e^{z_i}}{Σ_j e^{z_j}} "
        "SIGN \\frac{e^{2z_i}}{(Σ_{j} e^{z_j})^2}$$\n"
    )
    assert summaries(plain.replace("SIGN", "-"))[3] == "holds"
    assert summaries(plain.replace("SIGN", "+"))[3].startswith("fails")


def test_an_inverse_capital_sigma_stays_a_name():
    text = "Let $\\Sigma_k^{-1} = A$.\n\n$$\\Sigma_k^{-1} x = A x$$\n"
    assert not summaries(text)[3].startswith(("holds", "fails"))


DISPLAYLINES = (
    SIGMA_SOFTMAX + "$$\n\\displaylines{S_{i}\n"
    "\t&= \\frac{e^{z_{RHS}}}{\\Sigma_{j=1}^{K} e^{z_{j}}}\\\\\n"
    "\t&= \\frac{C e^{z_{i}}}{C \\Sigma_{j=1}^{K} e^{z_{j}}}\\\\\n"
    "\t&= \\frac{e^{z_{i}+log(C)}}{\\Sigma_{j=1}^{K} e^{z_{j}+log(C)}}\\\\\n"
    "}\n$$\n"
)


def test_the_rows_of_mathjax_displaylines_are_steps():
    held = all_summaries(DISPLAYLINES.replace("RHS", "i"))
    assert [held[line][0] for line in (5, 6, 7)] == ["holds", "holds", "holds"]
    slipped = all_summaries(DISPLAYLINES.replace("RHS", "j"))  # the summed index
    assert slipped[5][0] == "holds only when i = j (fails when i ≠ j)"


GAIN = (
    "The derivative of the sigmoid:\n\n$$\n\\begin{align}\n"
    "\\frac{d \\sigma(x)}{d x}&=\\frac{d}{d x}\\frac{1}{1+e^{-VALUE}}\\\\\n"
    "&=a\\frac{1}{1+e^{-ax}}\\cdot\\big(1-\\frac{1}{1+e^{-ax}}\\big) \\\\\n"
    "&=a\\sigma(x)(1-\\sigma(x))\n\\end{align}\n$$\n"
)


def test_a_first_row_that_differentiates_another_value_says_what_sigma_is():
    # a sigmoid with a gain a, never defined otherwise: σ is the text's own, not the logistic
    steps = all_summaries(GAIN.replace("VALUE", "ax"))
    assert "the text says σ is defined as \\frac{1}{1+e^{-ax}}" in steps[5][0]
    assert steps[6][0] == "holds"  # the derivative of the gain sigmoid, written out
    assert not steps[7][0].startswith(("holds", "fails"))
    # the logistic sigmoid differentiated: every row is judged with the standard σ
    plain = GAIN.replace("VALUE", "x").replace("a\\", "\\").replace("-ax", "-x")
    assert [all_summaries(plain)[line][0] for line in (5, 6, 7)] == ["holds"] * 3
    slipped = plain.replace("(1-\\sigma(x))", "(1+\\sigma(x))")
    assert all_summaries(slipped)[7][0].startswith("fails")


def test_a_sigmoid_defined_in_the_text_still_flags_a_derivative_of_another_value():
    defined = "Let $\\sigma(x) = \\frac{1}{1+e^{-x}}$.\n\n" + GAIN.replace("VALUE", "2x")
    assert all_summaries(defined)[7][0].startswith("fails")


def test_a_decimal_cut_off_after_three_significant_digits_holds_to_its_digits():
    text = "The first word:\n\n$$\\frac{e^3}{e^3+e^{-1}+e^2}=RHS$$\n"  # 0.7213992…
    assert summaries(text.replace("RHS", "0.7213"))[3] == (
        "holds to the digits written: 0.7213 is 0.7213992 cut off (≈)"
    )
    assert summaries(text.replace("RHS", "0.7214"))[3].startswith("holds to the digits written")
    assert summaries(text.replace("RHS", "0.7212"))[3].startswith("fails")
    assert summaries(text.replace("RHS", "0.7"))[3].startswith("holds to the digits written")
    assert summaries(text.replace("RHS", "0.8"))[3].startswith("fails")  # 0.72 does not cut to 0.8


SECTION = (
    "# Derivatives of exponentials\n\nThe right rule is $\\frac{d}{dx} e^{3x} = 3 e^{3x}$.\n\n"
    "## HEADING\n\n"
    "1. Dropping the minus sign: $\\frac{d}{dx} e^{-x} = e^{-x}$.\n"
    "2. Squaring the wrong thing: $\\frac{d}{dx}\\frac{1}{1+e^{-x}} = \\frac{1}{(1+e^{-x})^2}$.\n"
)


def test_the_lines_under_a_heading_of_slips_are_no_steps():
    for heading in ("Common errors", "Typical answers that lose marks", "Pitfalls", "Mistakes"):
        steps = all_summaries(SECTION.replace("HEADING", heading))
        assert 7 not in steps and 8 not in steps, heading
    # the same lines under a heading that names no slip are claims, and flagged
    steps = all_summaries(SECTION.replace("HEADING", "Two more derivatives"))
    assert steps[7][0].startswith("fails") and steps[8][0].startswith("fails")
    # the error of a layer is a quantity, not a slip: its section is read
    steps = all_summaries(SECTION.replace("HEADING", "Error backpropagation"))
    assert steps[7][0].startswith("fails")


SOFTPLUS = (
    "In this note σ denotes the softplus function, the log of one plus e to the x\n"
    "(not the logistic function).\n\n"
    "$$\\sigma'(x) = \\frac{e^x}{1+e^x} = \\frac{1}{1+e^{-x}}$$\n"
)


def test_sigma_named_another_function_in_plain_words_is_not_the_sigmoid():
    steps = all_summaries(SOFTPLUS)[4]
    assert "the text says σ is softplus" in steps[0] and steps[1] == "holds"
    # with the sigmoid named, σ' is the logistic derivative: the softplus slope fails
    logistic = SOFTPLUS.replace("the softplus function", "the logistic function").replace(
        "(not ", "("
    )
    assert all_summaries(logistic)[4][0].startswith("fails")


def test_a_whole_number_of_three_digits_for_a_value_that_is_none_holds_to_its_digits():
    text = "Numbers:\n\n$$e^{10} = RHS$$\n"
    assert summaries(text.replace("RHS", "22026"))[3] == (
        "holds to the digits written: 22026 is 22026.466 rounded (≈)"
    )
    assert summaries(text.replace("RHS", "22027"))[3].startswith("fails")
    assert summaries(text.replace("RHS", "22025"))[3].startswith("fails")
    # a whole value is exact: 2^{10} = 1025 is a slip, not a rounding
    assert summaries("Numbers:\n\n$$2^{10} = 1025$$\n")[3].startswith("fails")


POSITIVE = (
    "# Binary cross-entropy\n\nWe look at a single example whose label is WORD.\n\n"
    "The loss is $\\ell = -y\\log\\sigma(z) - (1-y)\\log(1-\\sigma(z))$.\n\n"
    "$$\\frac{d\\ell}{dz} = RHS$$\n"
)


def test_a_label_said_in_words_makes_a_flag_at_the_other_value_ambiguous():
    said = summaries(POSITIVE.replace("WORD", "one").replace("RHS", "\\sigma(z) - 1"))[7]
    assert said.startswith("not checked: ambiguous") and "which the text says in words" in said
    # the general gradient holds at both values; a sign slip fails at both: flagged either way
    general = summaries(POSITIVE.replace("WORD", "one").replace("RHS", "\\sigma(z) - y"))[7]
    assert general.startswith("holds")
    slipped = summaries(POSITIVE.replace("WORD", "one").replace("RHS", "1 - \\sigma(z)"))[7]
    assert slipped.startswith("fails")
    # said for the other value, the flag stands
    other = summaries(POSITIVE.replace("WORD", "zero").replace("RHS", "\\sigma(z) - 1"))[7]
    assert other.startswith("fails")
