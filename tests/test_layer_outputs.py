"""A layer before the softmax, ``z_i = \\sum_j w_{ij} x_j + b``: a step that differentiates by z
(and by none of w, x, b) is judged with z free, since what holds for every z holds for the
layer's; and targets called "the true class" may be one-hot, so a step resting on Σ y = 1
beside such words is ambiguous rather than flagged."""

from __future__ import annotations

import functools

import pytest

from symsoft.reading.document import check_document

LAYER = r"""
Each neuron computes

$$z_i = \sum_{j} w_{ij} x_{j} + b$$

and the softmax gives

$$a_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$$

The cost is

$$C = - \sum_i y_i \ln a_i$$

WORDS

$$\frac{\partial a_i}{\partial z_i} = DIAGONAL$$

$$\frac{\partial a_j}{\partial z_i} = OFF \quad (i \neq j)$$

$$-y_i + y_i a_i + \sum_{j \ne i} y_j a_i = -y_i + a_i \sum_{j} y_j = -y_i + a_i$$
"""

# the last display, by the weights: two thirds of a document's CPU, so only the tests that ask
# about it write it (the steps before it are judged the same with it or without it)
WEIGHTS = r"""
$$\frac{\partial C}{\partial w_{ij}} = WEIGHT$$
"""


@functools.cache  # the same document is asked by several tests (2–7 s of CPU each)
def steps(diagonal="a_i (1 - a_i)", off="-a_i a_j", weight=None, words=""):  # noqa: ANN001, ANN201
    text = LAYER.replace("DIAGONAL", diagonal).replace("OFF", off)
    if weight is not None:
        text += WEIGHTS.replace("WEIGHT", weight)
    return check_document(text.replace("WORDS", words)).steps


def test_the_softmax_jacobian_by_the_layer_outputs_holds() -> None:
    found = steps()
    assert found[3].status == "holds"  # ∂a_i/∂z_i
    assert found[4].status == "holds"  # ∂a_j/∂z_i, i ≠ j


@pytest.mark.parametrize(
    ("diagonal", "off"),
    [("a_i (1 + a_i)", "-a_i a_j"), ("a_i (1 - a_i)", "a_i a_j"), ("a_i", "-a_i a_j")],
)
def test_a_wrong_jacobian_entry_by_the_layer_outputs_is_flagged(diagonal: str, off: str) -> None:
    found = steps(diagonal=diagonal, off=off)
    assert found[3].flagged or found[4].flagged


@pytest.mark.slow  # the layer's documents judged through w, x and b
def test_the_gradient_by_the_weights_is_judged_through_the_layer() -> None:
    """∂C/∂w_ij differentiates by an input of the layer: z keeps its definition (the every-N
    prover leaves the right formula undecided there; the swapped index is refuted)."""
    one_hot = "The labels $y$ are one-hot."
    assert not steps(words=one_hot, weight="(a_i - y_i) x_j")[-1].flagged
    # refuted when i ≠ j, or said to hold only when i = j (about 5 s of CPU: on a loaded
    # machine the step's budget may end first)
    swapped = steps(words=one_hot, weight="(a_i - y_i) x_i")[-1]
    assert swapped.status in ("fails", "holds only", "not checked")
    assert swapped.status != "holds only" or "i ≠ j" in swapped.summary.split("fails when")[1]


def test_a_step_that_needs_sum_to_one_unsaid_is_flagged() -> None:
    last = steps()[-1]
    assert last.flagged and "which the document does not state" in last.summary


@pytest.mark.parametrize(
    "words",
    [
        r"where $y_i$ is the true class.",
        r"其中$y_i$表示真实的分类结果。",
        r"with $y$ the ground truth.",
    ],
)
def test_targets_called_the_true_class_make_it_ambiguous(words: str) -> None:
    last = steps(words=words)[-1]
    assert last.status == "not checked" and not last.flagged
    assert "calls the targets the true class" in last.summary


def test_targets_called_the_true_class_do_not_hide_a_sign_slip() -> None:
    text = LAYER.replace("WORDS", r"where $y_i$ is the true class.")
    text = text.replace("= -y_i + a_i$$", "= y_i - a_i$$")
    assert check_document(text).steps[-1].status == "fails"


def test_a_derivative_whose_variable_is_not_written_keeps_the_definition() -> None:
    """``D_j S_i = 0``: with S free the derivative would vanish and the step hold; S keeps
    its definition, and the step is refuted (its true twin holds)."""
    text = (
        "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$. We want "
        "$\\frac{\\partial S_i}{\\partial a_j}$.\n\n$$D_j S_i = RHS$$\n"
    )
    assert check_document(text.replace("RHS", "0")).steps[-1].status == "fails"
    assert (
        check_document(text.replace("RHS", r"S_i (\delta_{ij} - S_j)")).steps[-1].status == "holds"
    )


SCORE = r"""
# Logistic regression by hand

## The loss

$$L = -y\log\sigma(z) - (1-y)\log(1-\sigma(z))$$

$$\frac{\partial L}{\partial z} = \sigma(z) - y$$

## The model

The score is linear in the input:

$$z = wx + b$$

$$\frac{\partial L}{\partial w} = (\sigma(z) - y)x$$

$$\frac{\partial L}{\partial b} = \sigma(z) - y$$

$$\frac{\partial L}{\partial x} = (\sigma(z) - y)w$$
"""


def test_a_definition_of_a_differentiated_name_that_does_not_read_is_never_refuted() -> None:
    """``z = wx + b`` once did not read as a definition ('wx' one name or a product?), so it was
    judged as a step with z free, where it read wx as a product, and refuted.  The document
    writes w and x alone, so it is now the definition of z, and the gradients by w, b and x
    that rest on it hold."""
    steps = {step.line: step for step in check_document(SCORE).steps}
    assert steps[14].status == "definition" and not steps[14].flagged
    assert "definition of z" in steps[14].summary
    assert [steps[line].status for line in (8, 16, 18, 20)] == ["holds"] * 4


def test_a_wrong_step_beside_the_unread_definition_is_still_flagged() -> None:
    steps = {
        s.line: s
        for s in check_document(SCORE.replace("= \\sigma(z) - y$$", "= y - \\sigma(z)$$", 1)).steps
    }
    assert steps[8].status == "fails"
