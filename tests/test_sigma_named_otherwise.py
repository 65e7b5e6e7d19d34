"""σ that the text says is another function, found by the tenth red team: '$\\sigma$ is the ReLU
activation' and '$\\sigma(x) = \\tanh(x)$' still read σ as the logistic function, so
σ'(z) = σ(z)(1 - σ(z)), wrong for them, held; for a softplus σ the right σ'(x) = 1/(1 + e^{-x})
was flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

STEP = "\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"
SOFTPLUS = "\n\n$$\\sigma'(x) = \\frac{1}{1 + e^{-x}}$$\n"


@pytest.mark.parametrize(
    ("said", "what"),
    [
        (r"In this network $\sigma$ is the ReLU activation.", "ReLU"),
        (r"Here $\sigma$ denotes the hyperbolic tangent.", "hyperbolic tangent"),
        (r"We use the activation function $\sigma$ (a ReLU).", "ReLU"),
        (r"The activation is $\sigma(z) = \tanh(z)$.", "defined as \\tanh(z)"),
        (r"The activation is $\sigma(z) = \max(0, z)$.", "defined as \\max(0, z)"),
    ],
)
def test_sigma_said_to_be_another_function_is_not_the_logistic(said: str, what: str) -> None:
    (step,) = check_document(said + STEP).steps
    assert step.status == "not checked"
    assert f"the text says σ is {what}" in step.summary


def test_softplus_sigma_is_not_flagged() -> None:
    (step,) = check_document("Let $\\sigma$ be the softplus function." + SOFTPLUS).steps
    assert step.status == "not checked" and "σ is softplus" in step.summary


@pytest.mark.parametrize(
    "said",
    [
        r"Here $\sigma$ is the sigmoid, unlike the ReLU.",
        r"The activation is $\sigma(z) = \frac{1}{1 + e^{-z}}$.",
        r"The activation $\sigma$ is not a ReLU.",
        r"The activation is the logistic function $\sigma$.",
    ],
)
def test_the_logistic_sigma_is_still_judged(said: str) -> None:
    """The twins: σ the logistic function (named, defined, or another function denied)."""
    (step,) = check_document(said + STEP).steps
    assert step.status == "holds"
    (slip,) = check_document(said + STEP.replace("(1 - \\sigma(z))", "(1 + \\sigma(z))")).steps
    assert slip.status == "fails"
