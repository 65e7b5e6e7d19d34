"""Steps written in prose: an equation said in a sentence (``We have $…$ from the chain rule.``),
a sentence that goes on with the chain (``so $= p_i - y_i$.``), a list item that defines a
function and claims its derivative (``$g(x) = … \\implies g'(x) = …$``), and a function whose
letter a later section reuses."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$, "
    "where the labels $y$ are one-hot.\n\n"
)


def results(text: str) -> list[tuple[int, str]]:
    return [(s.line, s.status) for s in check_document(text).steps]


SAID = [
    (
        "we have … from the chain rule",
        "We have $\\frac{\\partial L}{\\partial z_i} = -\\sum_k \\frac{y_k}{p_k} "
        "\\frac{\\partial p_k}{\\partial z_i}$ from the chain rule.\n",
        "We have $\\frac{\\partial L}{\\partial z_i} = \\sum_k \\frac{y_k}{p_k} "
        "\\frac{\\partial p_k}{\\partial z_i}$ from the chain rule.\n",
    ),
    (
        "thus, ending the sentence",
        "Thus $\\frac{\\partial \\log p_i}{\\partial z_i} = 1 - p_i$.\n",
        "Thus $\\frac{\\partial \\log p_i}{\\partial z_i} = p_i - 1$.\n",
    ),
    (
        "math between \\( and \\)",
        "So we have \\(\\frac{\\partial \\log p_i}{\\partial z_i} = 1 - p_i\\).\n",
        "So we have \\(\\frac{\\partial \\log p_i}{\\partial z_i} = 1 + p_i\\).\n",
    ),
    (
        "a derivative stated after 'is'",
        "The diagonal entry is $\\frac{\\partial p_i}{\\partial z_i} = p_i(1 - p_i)$.\n",
        "The diagonal entry is $\\frac{\\partial p_i}{\\partial z_i} = p_i(1 + p_i)$.\n",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong"), SAID, ids=[t[0] for t in SAID])
def test_an_equation_said_in_a_sentence_is_a_step(name, correct, wrong):
    assert results(SOFTMAX + correct) == [(3, "holds")]
    bad = check_document(SOFTMAX + wrong).steps
    assert [(s.line, s.flagged) for s in bad] == [(3, True)], [s.summary for s in bad]


@pytest.mark.parametrize(
    "sentence",
    [
        # a hypothesis, a mention, an equation to solve: no step of the derivation (a sentence
        # led by its index case, "If $i = j$ we have $…$", is a step in that case:
        # test_case_first.py)
        "Suppose we have $\\frac{\\partial p_i}{\\partial z_j} = p_i(1 + p_j)$.",
        "So $\\frac{\\partial L}{\\partial z_i} = y_i - p_i$ is wrong.",
        "A common slip is $\\frac{\\partial L}{\\partial z_i} = y_i - p_i$, not the gradient.",
        "Setting it so $\\frac{\\partial L}{\\partial z_i} = 0$.",
        "We want so $\\frac{\\partial L}{\\partial z_i} = y_i - p_i$.",
        "Is it so $\\frac{\\partial L}{\\partial z_i} = y_i - p_i$?",
        "Thus $\\frac{\\partial L}{\\partial z_i} = y_i - p_i$ and more\nwords follow.",
        "Earlier in these notes we saw that the gradient was "
        "$\\frac{\\partial L}{\\partial z_i} = y_i - p_i$.",
        "Thus $p_i = \\frac{e^{z_i}}{2}$.",  # no derivative: a definition, maybe
    ],
)
def test_inline_math_that_the_sentence_does_not_assert_is_no_step(sentence):
    result = check_document(SOFTMAX + sentence + "\n")
    assert not [s for s in result.steps if s.line == 3], result.lines()


CHAIN = SOFTMAX + (
    "By the chain rule,\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = -\\sum_k y_k (\\delta_{ki} - p_i)$$\n\n"
    "and as the labels sum to one, this is $= RHS$.\n"
)


def test_a_sentence_that_goes_on_with_the_chain_above():
    assert results(CHAIN.replace("RHS", "p_i - y_i")) == [(5, "holds"), (7, "holds")]
    bad = check_document(CHAIN.replace("RHS", "y_i - p_i")).steps
    assert [s.flagged for s in bad] == [False, True], [s.summary for s in bad]
    # after a paragraph of prose, which expression would it go on from? no step
    away = CHAIN.replace("and as", "We pause here.\n\nAnd as").replace("RHS", "y_i - p_i")
    assert results(away) == [(5, "holds")]


QUOTIENT = (
    "$$\\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}$$\n\n"
    "Write it as $g/h$ with:\n\n"
    "* $g(x) = e^x - e^{-x} \\implies g'(x) = GPRIME$\n"
    "* $h(x) = e^x + e^{-x} \\implies h'(x) = e^x - e^{-x}$\n"
)


def test_a_list_item_that_defines_a_function_and_claims_its_derivative():
    good = check_document(QUOTIENT.replace("GPRIME", "e^x + e^{-x}")).steps
    # the implication itself is no step: g(x) = … defines g, g'(x) = … is a claim
    assert [s.status for s in good if s.line == 5] == ["definition", "holds"]
    assert [s.status for s in good if s.line == 6][-1] == "holds"
    bad = check_document(QUOTIENT.replace("GPRIME", "e^x - e^{-x}")).steps
    assert [s.flagged for s in bad if s.line == 5] == [False, True]


SECTIONS = (
    "## Part 1\n\n"
    "* Inner function: $g(x) = 1 + e^{-x}$\n\n"
    "$$\\frac{d}{dx} g(x) = -e^{-x}$$\n\n"
    "## Part 2\n\n"
    "$$g(x) = e^x - e^{-x}$$\n\n"
    "$$g'(x) = GPRIME$$\n"
)


def test_a_function_defined_again_in_a_later_section_has_its_new_value_there():
    good = check_document(SECTIONS.replace("GPRIME", "e^x + e^{-x}")).steps
    assert [s.status for s in good] == ["holds", "definition", "holds"], [s.summary for s in good]
    bad = check_document(SECTIONS.replace("GPRIME", "e^x - e^{-x}")).steps
    assert [s.flagged for s in bad] == [False, False, True], [s.summary for s in bad]
    # the first section is still judged under the first value
    slip = check_document(SECTIONS.replace("= -e^{-x}$$", "= e^{-x}$$").replace("GPRIME", "0"))
    assert slip.steps[0].flagged


def test_the_same_letter_defined_again_without_a_new_section_is_a_step():
    text = SECTIONS.replace("## Part 2\n\n", "").replace("GPRIME", "e^x + e^{-x}")
    steps = check_document(text).steps
    assert steps[1].status == "fails", [s.summary for s in steps]


FLATTENED = SOFTMAX + (
    "Working it out for one entry I get $$ \\begin{aligned} \\frac{\\partial L}{\\partial z_i} "
    "&= -\\sum_k y_k (\\delta_{ki} - p_i) \\\\ &= RHS \\end{aligned} $$ and I am stuck here.\n"
)


@pytest.mark.parametrize("rows", ["\\begin{aligned} X \\end{aligned}", "\\eqalign{ X }"])
def test_rows_aligned_at_equals_are_a_display_inside_a_paragraph(rows):
    text = FLATTENED.replace("\\begin{aligned} ", "").replace(" \\end{aligned}", "")
    text = text.replace("$$ \\frac", "$$ " + rows.split("X")[0] + "\\frac")
    text = text.replace(" $$ and", rows.split("X")[1] + " $$ and")
    assert [s for _, s in results(text.replace("RHS", "p_i - y_i"))] == ["holds", "holds"]
    bad = check_document(text.replace("RHS", "y_i - p_i")).steps
    assert [s.flagged for s in bad] == [False, True], [s.summary for s in bad]


def test_one_formula_in_a_sentence_between_double_dollars_stays_inline():
    text = SOFTMAX + "Working it out I get $$\\frac{\\partial L}{\\partial z_i} = y_i$$ and stop.\n"
    assert not check_document(text).steps


ROWS = SOFTMAX + (
    "$$\n\\begin{aligned}\n"
    "\\log p_i &= z_i - \\log \\sum_k e^{z_k} \\\\\n"
    "\\therefore \\frac{\\partial \\log p_i}{\\partial z_j} &= \\delta_{ij} - RHS\n"
    "\\end{aligned}\n$$\n\n"
    "$$\\frac{\\partial p_i}{\\partial z_j} = p_i(\\delta_{ij} - RHS) \\qquad (1)$$\n"
)


def test_therefore_starts_a_new_chain_and_an_equation_number_is_no_side():
    good = check_document(ROWS.replace("RHS", "p_j")).steps
    assert [s.status for s in good] == ["holds", "holds", "holds"]  # no "\\therefore" step
    assert good[1].lhs.startswith("\\frac{\\partial \\log p_i}")
    bad = check_document(ROWS.replace("RHS", "p_i")).steps
    assert [s.flagged for s in bad] == [False, True, True], [s.summary for s in bad]
