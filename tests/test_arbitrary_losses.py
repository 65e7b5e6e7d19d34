"""A loss the text never defines, only differentiated through a step it does define (an upstream
gradient): read as any differentiable function of that step's letter.  A chain-rule step that
holds for every such loss holds; one that fails for some is ambiguous, never flagged (the
author may mean one loss, said in words); a second derivative of it is not read."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import all_summaries

SIGMOID = "Let $a_i = \\sigma(z_i)$ where $\\sigma$ is the logistic function.\n\n$$STEP$$\n"
LAYER = (
    "For one layer, $z_j = \\sum_i w_{ij} x_i + b_j$ and $a_j = \\sigma(z_j)$, with $\\sigma$ "
    "the logistic function.\n\n$$STEP$$\n"
)
SOFTMAX = (
    "The network ends with a softmax, $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$, followed by "
    "WORDS.\n\n$$STEP$$\n"
)
D = "\\frac{\\partial NAME}{\\partial "


def _one(document: str, step: str, name: str = "E", words: str = "a loss $E$") -> str:
    text = document.replace("WORDS", words).replace("STEP", step.replace("NAME", name))
    (found,) = all_summaries(text).values()
    return found[-1]


def _flags(document: str, step: str, name: str = "E", words: str = "a loss $E$") -> list[bool]:
    text = document.replace("WORDS", words).replace("STEP", step.replace("NAME", name))
    return [s.flagged for s in check_document(text).steps]


@pytest.mark.parametrize("name", ["E", "J", "C", "L"])
@pytest.mark.parametrize(
    ("step", "holds"),
    [
        (D + "z_i} = " + D + "a_i} \\sigma(z_i)(1 - \\sigma(z_i))", True),
        (D + "z_i} = \\sum_j " + D + "a_j} \\frac{\\partial a_j}{\\partial z_i}", True),
        (D + "z_i} = " + D + "a_i} \\sigma(z_i)", False),  # σ' written as σ
        (D + "z_i} = " + D + "a_i} (1 - \\sigma(z_i))", False),
        (D + "z_i} = -" + D + "a_i} a_i (1 - a_i)", False),  # a sign slip
    ],
)
def test_an_upstream_gradient_through_a_sigmoid(name, step, holds):
    summary = _one(SIGMOID, step, name)
    if holds:
        assert summary == f"holds for any differentiable {name}(a_1, \\ldots, a_N)"
    else:
        assert summary.startswith("not checked: ambiguous: fails if"), summary
        assert not any(_flags(SIGMOID, step, name))


@pytest.mark.parametrize(
    ("step", "holds"),
    [
        (D + "w_{ij}} = " + D + "a_j} a_j (1 - a_j) x_i", True),
        (D + "b_j} = " + D + "a_j} a_j (1 - a_j)", True),
        (D + "x_i} = \\sum_j " + D + "a_j} a_j (1 - a_j) w_{ij}", True),
        (D + "w_{ij}} = " + D + "a_j} a_j (1 - a_j) x_j", False),  # the input's index swapped
        (D + "x_i} = \\sum_j " + D + "a_j} a_j (1 - a_j) w_{ji}", False),  # transposed weights
        (D + "b_j} = " + D + "a_j} a_j", False),  # the derivative of σ dropped
    ],
)
def test_an_upstream_gradient_through_a_layer(step, holds):
    summary = _one(LAYER, step)
    assert summary.startswith("holds for any") if holds else summary.startswith("not checked")
    assert not any(_flags(LAYER, step))


@pytest.mark.parametrize("words", ["some loss $E$", "some loss $L$", "any cost function $J$"])
@pytest.mark.parametrize(
    ("step", "holds"),
    [
        (D + "z_i} = \\sum_j " + D + "p_j} p_j (\\delta_{ij} - p_i)", True),
        (D + "z_i} = p_i \\left(" + D + "p_i} - \\sum_j p_j " + D + "p_j}\\right)", True),
        (D + "z_i} = " + D + "p_i} p_i (1 - p_i)", False),  # the off-diagonal terms dropped
        (D + "z_i} = \\sum_j " + D + "p_j} p_i (\\delta_{ij} - p_j)", True),  # symmetric
        (D + "z_i} = \\sum_j " + D + "p_j} p_j (\\delta_{ij} + p_i)", False),  # a sign slip
    ],
)
def test_any_loss_after_a_softmax(words, step, holds):
    name = words.split("$")[1]
    summary = _one(SOFTMAX, step, name, words)
    assert summary.startswith("holds for any") if holds else summary.startswith("not checked")
    assert not any(_flags(SOFTMAX, step, name, words))


def test_a_value_for_the_arbitrary_gradient_is_never_flagged():
    # the text may mean a loss it names in words (the squared error): ambiguous, not "fails"
    summary = _one(SIGMOID, D + "a_i} = a_i - y_i")
    assert summary.startswith("not checked: ambiguous: fails if E = E(a_1, \\ldots, a_N)")


def test_the_words_any_loss_keep_L_from_the_cross_entropy():
    step = D + "p_i} = -\\frac{y_i}{p_i}"
    said = _one(SOFTMAX, step, "L", "some loss $L$")
    assert said.startswith("not checked: ambiguous"), said
    # unsaid, L is the cross-entropy of p by default, which this step is true of
    assert _one(SOFTMAX, step, "L", "the loss $L$") == "holds"


def test_a_second_derivative_of_an_arbitrary_loss_is_not_read():
    chain = (D + "z_i} = " + D + "a_i} a_i (1 - a_i)").replace("NAME", "E")
    for step in (
        "\\frac{\\partial^2 E}{\\partial z_i \\partial z_j} = 0",
        "\\frac{\\partial}{\\partial z_j} " + D + "z_i} = 0",
        "\\frac{\\partial}{\\partial z_j} \\left(" + D + "a_i}\\right) = 0",
    ):
        text = SIGMOID.replace("STEP", chain) + "\n$$" + step.replace("NAME", "E") + "$$\n"
        first, second = check_document(text).steps
        assert first.summary.startswith("holds for any")
        assert second.summary.startswith("not checked"), second.summary


def test_the_value_of_an_arbitrary_loss_is_never_an_identity():
    # E = Σ_k a_k ∂E/∂a_k holds for the linear stand-in without a constant; E is not linear
    summary = _one(SIGMOID, "E = \\sum_k a_k " + D + "a_k}")
    assert not summary.startswith("holds")


@pytest.mark.parametrize(
    "document",
    [
        # defined: its own meaning, not any function
        "Let $a_i = \\sigma(z_i)$ and $E = \\frac{1}{2}\\sum_k (a_k - y_k)^2$.\n\n$$STEP$$\n",
        # written with an index or as a function: a loss per sample, not read as one function
        "Let $a_i = \\sigma(z_i)$ and let $E_n$ be the loss of sample $n$.\n\n$$STEP$$\n",
        "Let $a_i = \\sigma(z_i)$ and $E(a)$ the loss.\n\n$$STEP$$\n",
    ],
)
def test_only_a_loss_never_defined_nor_indexed_is_any_function(document):
    summary = _one(document, D + "z_i} = " + D + "a_i} \\sigma(z_i)")
    assert not summary.startswith("holds for any")


def test_two_chains_through_letters_that_do_not_meet_are_not_read():
    text = (
        "Let $a_i = \\sigma(z_i)$ and $q_i = \\tanh(u_i)$.\n\n"
        "$$" + D.replace("NAME", "E") + "z_i} = " + D.replace("NAME", "E") + "a_i} a_i(1 - a_i)"
        "$$\n\n$$" + D.replace("NAME", "E") + "u_i} = " + D.replace("NAME", "E") + "q_i}"
        "(1 - q_i^2)$$\n"
    )
    for summary in [s.summary for s in check_document(text).steps]:
        assert summary.startswith("not checked") and "ambiguous" not in summary


def test_two_sizes_keep_the_stand_in_out():
    # a sum over the M hidden units beside N outputs: one size for both would prove a slip
    text = (
        "The hidden layer has $M$ units, $h_j = \\sigma(u_j)$, and the output layer has $N$ "
        "units, $z_i = \\sum_{j=1}^{M} w_{ij} h_j$ and $a_i = \\sigma(z_i)$, with $\\sigma$ the "
        "logistic function.\n\n$$\\frac{\\partial E}{\\partial h_j} = \\sum_{i=1}^{M} "
        "\\frac{\\partial E}{\\partial a_i} a_i (1 - a_i) w_{ij}$$\n"
    )
    (step,) = check_document(text).steps
    assert step.status == "not checked"
