"""An equation said in a sentence that the index case leads: "When $i = j$, we have
$\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_i)$." is a step in that case; a wrong
twin is flagged in the case the sentence states; a mention ("we want") is no step."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

DEFINED = r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ be the softmax of the logits $z$."


def said(sentence: str):  # noqa: ANN201 - the StepResults
    return check_document(f"{DEFINED}\n\n{sentence}\n").steps


@pytest.mark.parametrize(
    ("sentence", "summary"),
    [
        (
            r"When $i = j$, we have $\frac{\partial p_i}{\partial z_j} = p_i(1 - p_i)$.",
            "holds when i = j",
        ),
        (
            r"When $i \neq j$, we get $\frac{\partial p_i}{\partial z_j} = -p_i p_j$.",
            "holds when i ≠ j",
        ),
        (
            r"For \(i \ne j\) this gives \(\frac{\partial p_i}{\partial z_j} = -p_i p_j\).",
            "holds when i ≠ j",
        ),
    ],
)
def test_an_equation_after_its_case_is_a_step_in_that_case(sentence: str, summary: str) -> None:
    (step,) = said(sentence)
    assert (step.line, step.status, step.summary) == (3, "holds", summary)


@pytest.mark.parametrize(
    "sentence",
    [
        r"When $i \neq j$, we get $\frac{\partial p_i}{\partial z_j} = p_i p_j$.",
        r"When $i = j$, we have $\frac{\partial p_i}{\partial z_j} = p_i(1 + p_i)$.",
    ],
)
def test_a_wrong_equation_after_its_case_is_flagged(sentence: str) -> None:
    """(The other case's value said under this case, ``-p_i p_j`` when $i = j$, holds in the
    other case read from prose: not flagged, as for a display after "When $i = j$,".)"""
    (step,) = said(sentence)
    assert step.status == "fails" and step.flagged


@pytest.mark.parametrize(
    "sentence",
    [
        r"If $i = j$, we want $\frac{\partial p_i}{\partial z_j} = p_i$.",
        r"When $i = j$, it is tempting to write $\frac{\partial p_i}{\partial z_j} = p_i$.",
        r"When $i = j$ and $k = 2$, we have $\frac{\partial p_i}{\partial z_j} = p_i$.",
    ],
)
def test_a_mention_after_a_case_is_no_step(sentence: str) -> None:
    assert said(sentence) == ()


def test_a_case_without_a_comma_leads_the_claim_too() -> None:
    """ "If $i = j$ we have $…$" (no comma): judged in the case i = j, where it fails."""
    (step,) = said(r"If $i = j$ we have $\frac{\partial p_i}{\partial z_j} = p_i(1 + p_j)$.")
    assert step.summary.startswith("fails when i = j") and step.flagged
