"""Equations said in a sentence that are steps by their shape: a list item led by a bold label
whose sentence goes on after the math, arithmetic between numbers in a sentence, a display that
opens the paragraph a colon announces; the case a heading announces, kept past them."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.said import labelled_lead, said_arithmetic

SOFTMAX = "Let $\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"


def steps(text: str) -> list[tuple[int, str]]:
    return [(s.line, s.status) for s in check_document(text).steps]


LED = [
    (
        "a bold label, then a sentence",
        "- **Numerator derivative**: $f' = \\frac{\\partial}{\\partial z_i} e^{z_i} = e^{z_i}$. "
        "The exponential is its own derivative.\n",
        "- **Numerator derivative**: $f' = \\frac{\\partial}{\\partial z_i} e^{z_i} = 2 e^{z_i}$. "
        "The exponential is its own derivative.\n",
    ),
    (
        "the sum, other math in the next sentence",
        "- **Denominator derivative**: $g' = \\frac{\\partial}{\\partial z_i} \\sum_k e^{z_k} "
        "= e^{z_i}$. Only the term $e^{z_i}$ depends on $z_i$.\n",
        "- **Denominator derivative**: $g' = \\frac{\\partial}{\\partial z_i} \\sum_k e^{z_k} "
        "= e^{z_k}$. Only the term $e^{z_i}$ depends on $z_i$.\n",
    ),
    (
        "a numbered item with a plain label",
        "1. Quotient rule: $\\frac{\\partial \\hat{y}_i}{\\partial z_i} "
        "= \\hat{y}_i(1 - \\hat{y}_i)$. "
        "It is positive.\n",
        "1. Quotient rule: $\\frac{\\partial \\hat{y}_i}{\\partial z_i} "
        "= \\hat{y}_i(1 + \\hat{y}_i)$. "
        "It is positive.\n",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong"), LED, ids=[t[0] for t in LED])
def test_a_labelled_item_whose_sentence_goes_on_is_a_step(name, correct, wrong):
    assert (3, "holds") in steps(SOFTMAX + correct)
    flagged = [s.line for s in check_document(SOFTMAX + wrong).steps if s.flagged]
    assert flagged == [3]


@pytest.mark.parametrize(
    "line",
    [
        # a case, a hypothesis or a slip named by the label; a label that is a sentence
        "- **Case i = j**: $\\frac{\\partial}{\\partial z_j} e^{z_i} = 0$. Nothing depends.\n",
        "- **If the classes differ**: $\\frac{\\partial}{\\partial z_j} e^{z_i} = e^{z_j}$. Hm.\n",
        "- **Wrong**: $\\frac{\\partial}{\\partial z_i} e^{z_i} = 2 e^{z_i}$. A common slip.\n",
        "- **Naive attempt**: $\\frac{\\partial}{\\partial z_i} e^{z_i} = 2 e^{z_i}$. See below.\n",
        "- We then find, as everyone knows: $\\frac{\\partial}{\\partial z_i} e^{z_i} = 2 e^{z_i}$."
        " Good.\n",
    ],
)
def test_a_label_that_names_a_case_or_a_slip_gives_no_step(line):
    assert not [s for s in check_document(SOFTMAX + line).steps if s.line == 3]


ARITHMETIC = [
    ("a logarithm after 'since'", "The loss vanishes, since $-\\log(1) = 0$.\n", "= 1$.\n"),
    ("after a colon", "The derivative is massive: $\\frac{-1}{0.01} = -100$. It is.\n", "= 100$."),
    ("a product", "The rate is $-0.18 \\times 0.45 = -0.081$.\n", "= -0.091$.\n"),
    ("a power of e", "Its numerator is $e^{0} = 1$.\n", "= 0$.\n"),
]


@pytest.mark.parametrize(
    ("name", "correct", "wrong_end"), ARITHMETIC, ids=[t[0] for t in ARITHMETIC]
)
def test_arithmetic_said_in_a_sentence_is_a_step(name, correct, wrong_end):
    assert steps(SOFTMAX + correct) == [(3, "holds")]
    wrong = correct[: correct.rindex("=")] + wrong_end
    result = check_document(SOFTMAX + wrong)
    assert [(s.line, s.status) for s in result.steps] == [(3, "fails")], result.lines()


@pytest.mark.parametrize(
    "sentence",
    [
        "A common mistake is $-0.18 \\times 0.45 = -0.091$.",
        "Is it true that $-0.18 \\times 0.45 = -0.091$?",
        "It is tempting to write $\\frac{-1}{0.01} = 100$.",
        "In floating point $0.1 + 0.2 = 0.3$ does not hold.",
        "The sum $0.1 + 0.2 = 0.31$ and more words follow here",
        "We had $10^3 = 1,000$.",  # a thousands separator: not read as arithmetic
        "With $p = 0.5$ this is $-\\log p = 0.69$.",  # a name: not arithmetic
    ],
)
def test_arithmetic_shown_as_a_slip_or_a_mention_is_no_step(sentence):
    assert not [s for s in check_document(SOFTMAX + sentence + "\n").steps if s.flagged]


@pytest.mark.parametrize(("value", "status"), [("0", "holds"), ("1", "fails")])
def test_arithmetic_as_the_premise_of_a_sentence_is_a_step(value, status):
    text = f"Since $-\\log(1) = {value}$, a perfect prediction costs nothing.\n"
    assert steps(text) == [(1, status)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Since $-\\log(1) = 1$, we would get a loss for a perfect prediction.",
        "Since $-\\log(1) = 1$, which is wrong, we stop.",
        "Hence $-\\log(1) = 1$, a perfect prediction costs something.",  # no premise: goes on
    ],
)
def test_a_premise_the_sentence_shows_as_a_slip_is_no_step(sentence):
    assert steps(sentence + "\n") == []


def test_arithmetic_with_approx_is_found_and_judged_to_its_digits():
    result = check_document("The gradient is mild: $\\frac{-1}{0.95} \\approx -1.05$. Fine.\n")
    assert [(s.line, s.status) for s in result.steps] == [(1, "holds")]  # -1.0526…
    assert result.steps[0].summary.endswith("rounded (≈)")
    slip = check_document("The gradient is mild: $\\frac{-1}{0.95} \\approx -0.953$. Fine.\n")
    assert [(s.line, s.status) for s in slip.steps] == [(1, "fails")]


def test_the_shapes():
    assert labelled_lead("- **Numerator derivative**: ") == "Numerator derivative"
    assert labelled_lead("**Step two:** ") == "Step two"
    assert labelled_lead("Numerator derivative: ") is None  # no item, no bold: maybe a sentence
    assert labelled_lead("- **Numerator** derivative: ") is None
    assert said_arithmetic("\\frac{7.389}{10.475} = 0.705", "so ")
    assert not said_arithmetic("e^{z_i} = 7.389", "so ")
    assert not said_arithmetic("0.5 = ", "so ")


SE_PAGE = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$, where the "
    "labels $y$ are one-hot. Here is my attempt:\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = {rhs}$$ Now, as the labels sum to one, we are done.\n"
)


@pytest.mark.parametrize(("rhs", "status"), [("p_i - y_i", "holds"), ("y_i - p_i", "fails")])
def test_a_paragraph_a_colon_announces_opens_with_its_display(rhs, status):
    # a stats.SE page stored without its line breaks: the prose goes on after the display
    assert steps(SE_PAGE.replace("{rhs}", rhs)) == [(3, status)]


def test_without_the_colon_the_math_stays_in_its_sentence():
    page = SE_PAGE.replace("attempt:", "attempt.").replace("{rhs}", "y_i - p_i")
    assert steps(page) == []


CASE_SECTION = SOFTMAX + (
    "### Case 2: $i \\neq j$\n\n"
    "- **Bottom**: $g' = \\frac{\\partial}{\\partial z_j} \\sum_k e^{z_k} = e^{z_j}$. "
    "Only one term moves.\n\n"
    "Since the top does not move with $z_j$,\n\n"
    "$$\\frac{\\partial \\hat{y}_i}{\\partial z_j} = {rhs}$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"), [("-\\hat{y}_i \\hat{y}_j", "holds"), ("\\hat{y}_i \\hat{y}_j", "fails")]
)
def test_an_equation_said_in_a_list_item_keeps_the_heading_case(rhs, status):
    # the item's math is a display of its own, but the heading's case still reaches the display
    # after the paragraph (it did not: "holds only when i ≠ j" on a correct step)
    result = check_document(CASE_SECTION.replace("{rhs}", rhs))
    last = result.steps[-1]
    assert (last.line, last.status) == (9, status), result.lines()
    assert last.condition
