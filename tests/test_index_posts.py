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
        "- $\\frac{\\partial p_i}{\\partial z_j} = p_i (1 + p_j)$ when $i = j$",  # two $…$
    ],
)
def test_inline_math_that_is_no_step_of_its_own_stays_in_its_sentence(line):
    result = check_document(P + line + "\n")
    assert not any(s.flagged for s in result.steps), result.lines()
    assert not [s for s in result.steps if s.line == 3], result.lines()


def test_a_sentence_that_goes_on_after_the_math_keeps_it_inline():
    text = P + "We now see that\nso: $\\frac{\\partial L}{\\partial p_i} = 2$ and more\nwords.\n"
    assert not check_document(text).steps
