"""σ that a sentence calls the softmax, in the ways posts say it, is not the logistic function:
``\\frac{\\partial \\sigma(z)}{\\partial z} = \\sigma(z)(1 - \\sigma(z))`` is then only the
diagonal of its Jacobian and must not hold."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

STEP = "\n\n$$\n\\frac{\\partial \\sigma(z)}{\\partial z} = \\sigma(z)(1 - \\sigma(z))\n$$\n"


@pytest.mark.parametrize(
    "sentence",
    [
        r"We write $\sigma$ for the softmax function.",
        r"Below, $\sigma(z)$ is the softmax of the vector $z$.",
        r"The softmax, written $\sigma$, maps scores to probabilities.",
        r"$\sigma$: the softmax activation.",
    ],
)
def test_sigma_a_sentence_calls_the_softmax_is_not_the_logistic_function(sentence: str) -> None:
    (step,) = check_document(sentence + STEP).steps
    assert step.status == "not checked" and "softmax" in step.summary


@pytest.mark.parametrize(
    "sentence",
    [
        r"Here $\sigma$ is the logistic sigmoid; the softmax comes later.",
        r"The softmax is not $\sigma$.",
        r"Let $\sigma$ be the activation of the hidden layer.",
    ],
)
def test_sigma_a_sentence_does_not_call_the_softmax_is_still_the_logistic(sentence: str) -> None:
    (step,) = check_document(sentence + STEP).steps
    assert step.status == "holds"


def test_its_wrong_twin_under_the_logistic_reading_is_flagged() -> None:
    wrong = "\n\n$$\n\\frac{\\partial \\sigma(z)}{\\partial z} = \\sigma(z)(1 + \\sigma(z))\n$$\n"
    (step,) = check_document(r"Here $\sigma$ is the logistic sigmoid." + wrong).steps
    assert step.status == "fails" and step.flagged
