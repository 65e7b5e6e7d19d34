"""Index notation of real posts that symsoft used to leave unread: each reading holds on the
correct document and flags its wrong twin."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

Y_OF_Z = "$$y_i(z_i) = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}$$\n\n"
LOSS = "$$C = -\\sum_{k=1}^K t_k \\log y_k$$\n\n"

# (name, correct document, its wrong twin): every step of the correct one that is no
# definition holds; the twin's last step is flagged and no other
TWINS = [
    (
        "an entry defined with the entry of its argument, y_i(z_i)",
        Y_OF_Z + "$$\\frac{\\partial y_i(z_i)}{\\partial z_i} = y_i(z_i)(1 - y_i(z_i))$$\n",
        Y_OF_Z + "$$\\frac{\\partial y_i(z_i)}{\\partial z_i} = y_i(z_i)(1 + y_i(z_i))$$\n",
    ),
    (
        "an indicator 1\\{k = i\\} after a factor: its '=' is no step",
        Y_OF_Z
        + LOSS
        + "$$-\\sum_{k=1}^K t_k (1\\{k = i\\} - y_i) = -\\sum_{k=1}^K t_k 1\\{k = i\\} "
        "+ y_i \\sum_{k=1}^K t_k$$\n",
        Y_OF_Z
        + LOSS
        + "$$-\\sum_{k=1}^K t_k (1\\{k = i\\} - y_i) = -\\sum_{k=1}^K t_k 1\\{k = i\\} "
        "+ \\sum_{k=1}^K y_i$$\n",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong"), TWINS, ids=[t[0] for t in TWINS])
def test_the_reading_holds_and_its_wrong_twin_is_flagged(name, correct, wrong):
    _holds_and_twin_flagged(correct, wrong)


def _holds_and_twin_flagged(correct: str, wrong: str) -> None:
    good = check_document(correct)
    steps = [s for s in good.steps if s.status != "definition"]
    assert steps and all(s.status == "holds" for s in steps), good.lines()
    bad = check_document(wrong)
    assert bad.steps[-1].flagged, bad.lines()
    assert not any(s.flagged for s in bad.steps[:-1]), bad.lines()


def test_an_entry_applied_to_another_entry_of_its_argument_is_the_entry():
    """``y_k(z_j)`` in a text that defines ``y_i(z_i)``: y applied to an entry of z is the
    entry y_k, never the product y_k z_j (which flagged a correct step)."""
    text = Y_OF_Z + "$$\\frac{\\partial y_k(z_j)}{\\partial z_j} = y_k(\\delta_{kj} - y_j)$$\n"
    assert check_document(text).steps[-1].status == "holds"
    wrong = Y_OF_Z + "$$\\frac{\\partial y_k(z_j)}{\\partial z_j} = y_k(\\delta_{kj} + y_j)$$\n"
    assert check_document(wrong).steps[-1].flagged


def test_a_definition_in_function_notation_of_an_entry_is_no_step():
    """``y_i(z_i) = \\frac{e^{z_i}}{…}`` was read as the product y_i z_i and flagged."""
    (step,) = check_document(
        Y_OF_Z + LOSS + "$$\\frac{\\partial C}{\\partial z_i} = y_i - t_i$$\n"
    ).steps[:1]
    assert step.status == "definition", step.summary


SIGMA = "We use the logistic function $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.\n\n"
P = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$.\n\n"
LED = [
    (
        "a list item whose math is one equation with a derivative",
        SIGMA + "- $\\frac{d\\sigma}{dx} = \\sigma(x)(1 - \\sigma(x))$\n",
        SIGMA + "- $\\frac{d\\sigma}{dx} = \\sigma(x)(1 + \\sigma(x))$\n",
    ),
    (
        "a labelled list item, a chain and a check mark",
        P + "- Row sums: $\\sum_j \\frac{\\partial p_i}{\\partial z_j} = "
        "p_i - p_i \\sum_j p_j = 0$ ✓\n",
        P + "- Row sums: $\\sum_j \\frac{\\partial p_i}{\\partial z_j} = "
        "p_i - p_i \\sum_j p_j = p_i$ ✓\n",
    ),
    (
        "a line led by a word and a colon",
        P + "First: $\\frac{\\partial L}{\\partial p_i} = -\\frac{y_i}{p_i}$\n\nThen the rest.\n",
        P + "First: $\\frac{\\partial L}{\\partial p_i} = \\frac{y_i}{p_i}$\n\nThen the rest.\n",
    ),
    (
        "a concluding line after a sentence",
        SIGMA
        + "This is what we had.\nTherefore, $\\frac{d\\sigma}{dx} = \\sigma(x)(1 - \\sigma(x))$.\n",
        SIGMA + "This is what we had.\nTherefore, $\\frac{d\\sigma}{dx} = \\sigma(x)^2$.\n",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong"), LED, ids=[t[0] for t in LED])
def test_a_led_inline_equation_is_a_step(name, correct, wrong):
    good = check_document(correct)
    assert good.steps and all(s.status == "holds" for s in good.steps), good.lines()
    bad = check_document(wrong)
    assert bad.steps and bad.steps[-1].flagged, bad.lines()


@pytest.mark.parametrize(
    "line",
    [
        "- $g(x) = e^x - e^{-x}$",  # a definition in a list: no step
        "- Case i = j: $\\frac{\\partial p_i}{\\partial z_j} = p_i (1 + p_j)$",  # a case in words
        "If so: $\\frac{\\partial p_i}{\\partial z_j} = p_i (1 + p_j)$",
    ],
)
def test_inline_math_that_is_no_step_of_its_own_stays_in_its_sentence(line):
    result = check_document(P + line + "\n")
    assert not any(s.flagged for s in result.steps), result.lines()
    assert not [s for s in result.steps if s.line == 3], result.lines()


def test_a_list_items_equation_followed_by_its_index_case_is_a_step_in_that_case():
    line = "- $\\frac{\\partial p_i}{\\partial z_j} = p_i (1 + p_j)$ when $i = j$"
    (step,) = [s for s in check_document(P + line + "\n").steps if s.line == 3]
    assert step.summary.startswith("fails when i = j"), step.summary
    (step,) = [s for s in check_document(P + line.replace("1 + p_j", "1 - p_j") + "\n").steps]
    assert step.summary == "holds when i = j", step.summary


def test_a_sentence_that_goes_on_after_the_math_keeps_it_inline():
    text = P + "We now see that\nso: $\\frac{\\partial L}{\\partial p_i} = 2$ and more\nwords.\n"
    assert not check_document(text).steps


ANY_X = "For an arbitrary vector $x$ of scores:\n\n"
EXP_DEFINED = "$$\\text{Softmax}(x_i) = \\frac{\\exp(x_i)}{\\sum_{j=1}^n \\exp(x_j)}$$\n\n"
SOFTMAX_WORD = [
    (
        "the bare word on an entry, no definition: the convention softmax(x)_j",
        ANY_X + "$$\\log(softmax(x_j)) = x_j - \\log \\sum_i e^{x_i}$$\n",
        ANY_X + "$$\\log(softmax(x_j)) = x_j + \\log \\sum_i e^{x_i}$$\n",
    ),
    (
        "the bare word, an identity that writes it again is no definition",
        ANY_X + "$$softmax(x_j) = e^{\\log(softmax(x_j))} = \\frac{e^{x_j}}{\\sum_i e^{x_i}}$$\n",
        ANY_X + "$$softmax(x_j) = e^{\\log(softmax(x_j))} = \\frac{e^{x_j}}{\\sum_i e^{2 x_i}}$$\n",
    ),
    (
        "the word defined with exp(x_i)",
        EXP_DEFINED + "$$\\frac{\\partial \\text{Softmax}(x_i)}{\\partial x_i} = "
        "\\text{Softmax}(x_i)(1 - \\text{Softmax}(x_i))$$\n",
        EXP_DEFINED + "$$\\frac{\\partial \\text{Softmax}(x_i)}{\\partial x_i} = "
        "\\text{Softmax}(x_i)(1 + \\text{Softmax}(x_i))$$\n",
    ),
]


@pytest.mark.parametrize(
    ("name", "correct", "wrong"), SOFTMAX_WORD, ids=[t[0] for t in SOFTMAX_WORD]
)
def test_the_softmax_word_on_an_entry_is_the_entry(name, correct, wrong):
    good = check_document(correct)
    assert good.steps and all(s.status == "holds" for s in good.steps), good.lines()
    bad = check_document(wrong)
    assert bad.steps[-1].flagged, bad.lines()
    assert not any(s.flagged for s in bad.steps[:-1]), bad.lines()


@pytest.mark.parametrize(
    "text",
    [
        # the text's own softmax, with a temperature: the word is not the convention
        "$$softmax(x_j) = \\frac{e^{x_j / T}}{\\sum_i e^{x_i / T}}$$\n\n"
        "$$\\log(softmax(x_j)) = x_j - \\log \\sum_i e^{x_i}$$\n",
        # its own softmax, and the word applied to entries of two vectors
        "$$softmax(x_j) = \\frac{e^{2 x_j}}{\\sum_i e^{2 x_i}}$$\n\n"
        "$$\\log(softmax(x_j)) = x_j - \\log \\sum_i e^{x_i} + softmax(z_k) - softmax(z_k)$$\n",
    ],
)
def test_the_softmax_word_is_not_the_convention_when_the_text_says_otherwise(text):
    step = check_document(text).steps[-1]
    assert step.status == "not checked" and not step.flagged, step.summary


PROPER = (
    "For one example $i$ with scores $f_j$ the loss is\n"
    "$$L_i = -\\log\\left(\\frac{e^{f_{y_i}}}{\\sum_{j=1}^{C} e^{f_j}}\\right) = RIGHT$$\n"
    "Index $y_i$ is the proper label's index.\n"
)


def test_the_proper_label_is_the_correct_class():
    """math.SE: "Index $y_i$ is the proper label's index": y_i is the class, f_{y_i} read."""
    good = check_document(PROPER.replace("RIGHT", "-f_{y_i} + \\log\\sum_{j=1}^{C} e^{f_j}"))
    assert good.steps[-1].status == "holds", good.lines()
    bad = check_document(PROPER.replace("RIGHT", "f_{y_i} + \\log\\sum_{j=1}^{C} e^{f_j}"))
    assert bad.steps[-1].flagged, bad.lines()


CE = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and the loss $L = -\\sum_i y_i \\log p_i$.\n\n"
SIGNS = [
    (
        "the numerator's minus before the partial sign",
        CE + "$$\\frac{\\partial L}{\\partial p_j} = "
        "\\frac{- \\partial \\sum_i y_i \\log p_i}{\\partial p_j} = -\\frac{y_j}{p_j}$$\n",
        CE + "$$\\frac{\\partial L}{\\partial p_j} = "
        "\\frac{- \\partial \\sum_i y_i \\log p_i}{\\partial p_j} = \\frac{y_j}{p_j}$$\n",
    ),
    (
        "a parenthesis opened before the partial sign of the numerator",
        CE + "$$\\frac{\\partial L}{\\partial p_j} = "
        "\\frac{(\\partial -\\sum_i y_i \\log p_i)}{\\partial p_j} = -\\frac{y_j}{p_j}$$\n",
        CE + "$$\\frac{\\partial L}{\\partial p_j} = "
        "\\frac{(\\partial -\\sum_i y_i \\log p_i)}{\\partial p_j} = -\\sum_i \\frac{y_i}{p_i}$$\n",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong"), SIGNS, ids=[t[0] for t in SIGNS])
def test_a_sign_moved_around_the_partial_sign(name, correct, wrong):
    _holds_and_twin_flagged(correct, wrong)


def test_a_signed_numerator_after_a_factor_is_not_moved():
    """``2 \\frac{-\\partial X}{\\partial v}``: moving the sign would make it 2 − ∂X/∂v."""
    text = CE + "$$\\frac{\\partial L}{\\partial p_j} = 2 \\frac{- \\partial L}{\\partial p_j}$$\n"
    step = check_document(text).steps[-1]
    assert step.status == "not checked" and not step.flagged, step.summary


SUM_N = (
    "Let $p_k = \\frac{e^{x_k}}{\\sum_{k=1}^n e^{x_k}}$ and $L = -\\sum_{k=1}^n y_k \\log p_k$.\n\n"
)
DOTTED = [
    (
        "a sum written out with dots whose terms carry another subscript",
        SUM_N + "$$\\frac{\\partial L}{\\partial x_i} = \\frac{\\partial L}{\\partial p_1} "
        "\\frac{\\partial p_1}{\\partial x_i} + \\frac{\\partial L}{\\partial p_2} "
        "\\frac{\\partial p_2}{\\partial x_i} + \\dots + \\frac{\\partial L}{\\partial p_n} "
        "\\frac{\\partial p_n}{\\partial x_i}$$\n",
        SUM_N + "$$\\frac{\\partial L}{\\partial x_i} = -\\frac{\\partial L}{\\partial p_1} "
        "\\frac{\\partial p_1}{\\partial x_i} - \\frac{\\partial L}{\\partial p_2} "
        "\\frac{\\partial p_2}{\\partial x_i} - \\dots - \\frac{\\partial L}{\\partial p_n} "
        "\\frac{\\partial p_n}{\\partial x_i}$$\n",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong"), DOTTED, ids=[t[0] for t in DOTTED])
def test_a_dotted_sum_with_a_fixed_subscript(name, correct, wrong):
    good = check_document(correct)
    assert good.steps and all(s.status == "holds" for s in good.steps), good.lines()
    bad = check_document(wrong)
    assert not any(s.status == "holds" for s in bad.steps), bad.lines()
    dropped = correct.replace("x_i}$$", "x_i} + y_i$$")  # a term too many
    assert check_document(dropped).steps[-1].flagged


def test_a_dotted_sum_with_a_wrong_term_is_flagged():
    text = SUM_N + (
        "$$-\\sum_{k=1}^n y_k \\frac{\\partial \\log p_k}{\\partial p_j} = "
        "-\\left(\\frac{\\partial y_1 \\log p_1}{\\partial p_j} + "
        "\\frac{\\partial y_2 \\log p_2}{\\partial p_j} + \\dots + "
        "\\frac{\\partial y_n \\log p_n}{\\partial p_j}\\right) = -\\frac{y_j}{p_j}$$\n"
    )
    assert [s.status for s in check_document(text).steps] == ["holds", "holds"]
    wrong = text.replace("= -\\frac{y_j}{p_j}", "= -\\frac{y_j}{p_j^2}")
    assert check_document(wrong).steps[-1].flagged


def test_a_letter_named_on_the_right_is_a_shorthand_not_a_step():
    """``$$ y_1 = a $$`` under "Structure:": a names y_1 from here on (it was flagged, with y
    and a free); the letter stays free for the steps after it."""
    text = (
        "Structure:\n\n$$ y_1 = a $$\n$$e^{x_2} = b$$\n\n"
        "$$ \\frac{b}{e^t + b} = 1 - \\frac{e^t}{e^t + b} $$\n"
    )
    steps = check_document(text).steps
    assert [s.status for s in steps] == ["definition", "definition", "holds"], steps
    wrong = text.replace("= 1 - \\frac{e^t}", "= 1 + \\frac{e^t}")
    last = check_document(wrong).steps[-1]
    assert last.status != "holds" and not last.flagged, last.summary  # b free: not decided


def test_a_letter_written_before_is_judged_on_the_right():
    text = "$$ a = y_1 + 1 $$\n\n$$ y_1 = a $$\n"
    (_, step) = check_document(text).steps
    assert step.status != "definition" and step.flagged, step.summary
    (step,) = check_document("$$\\frac{a}{2} + \\frac{a}{3} = a$$\n").steps  # a on the left
    assert step.status != "definition" and step.flagged, step.summary


def test_a_derivative_by_a_name_with_another_number_of_indices_is_not_read():
    """``y_k`` beside ``y_{b,h}``: sympy raised IndexException and the document crashed."""
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log p_k$.\n\n"
        "$$\\frac{\\partial L}{\\partial y_{b,h}} = -\\log p_h$$\n"
    )
    step = check_document(text).steps[-1]
    assert step.status == "not checked" and not step.flagged, step.summary
