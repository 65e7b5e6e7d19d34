"""Notes that derive first and recap their definitions at the end: a step that uses σ and H
before ``$$\\sigma(A_i) = \\frac{e^{A_i}}{…}$$`` and ``$$H = …$$`` (later sections) holds with
those definitions when without them it means nothing (σ applied to A is no function the text
knows); a wrong twin is still not flagged on the strength of a later definition alone (it stays
ambiguous), and a step that reads without the later definition is judged both ways as before."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

LATER = (
    "## Definitions\n\n"
    "$$H = - \\sum_{i=1}^{C} Y_i \\log(\\sigma(A_i))$$\n\n"
    "$$\\sigma(A_i) = \\frac{e^{A_i}}{\\sum\\limits_{j=1}^{C} e^{A_j}}$$\n"
)


def first_step(claim: str):  # noqa: ANN201 - the StepResult
    said = "We differentiate $\\log(\\sigma(A_i))$ and $H$ by $A_i$."  # σ, H in prose first
    return check_document(f"## Derivation\n\n{said}\n\n$${claim}$$\n\n{LATER}").steps[0]


@pytest.mark.parametrize(
    "claim",
    [
        "\\frac{\\partial \\log(\\sigma(A_i))}{\\partial A_i} = 1 - \\sigma(A_i)",
        "\\frac{\\partial H}{\\partial A_i} = - \\sum_{k=1}^{C} Y_k "
        "\\frac{\\partial \\log(\\sigma(A_k))}{\\partial A_i}",
    ],
)
def test_a_step_that_means_nothing_without_the_later_definition_holds_with_it(claim):
    step = first_step(claim)
    assert step.status == "holds", step.summary
    assert "defined only at line" in step.summary and "the text's only meaning" in step.summary


@pytest.mark.parametrize(
    "claim",
    [
        "\\frac{\\partial \\log(\\sigma(A_i))}{\\partial A_i} = 1 + \\sigma(A_i)",  # sign
        "\\frac{\\partial \\log(\\sigma(A_i))}{\\partial A_i} = \\sigma(A_i)",  # dropped term
    ],
)
def test_a_wrong_twin_is_not_holds_and_not_flagged_on_a_later_definition_alone(claim):
    step = first_step(claim)
    assert step.status == "not checked" and not step.flagged
    assert "ambiguous" in step.summary
