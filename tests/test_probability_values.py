"""A flag that rests only on the softmax read for an undefined probability name stands when the
step is an identity in the probabilities: it writes no logits, differentiates by none and uses
no name defined through them (it then fails at a probability vector, whatever computes it).
A step that writes the logits keeps the flag withheld. Every holding step has a flagged twin."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

LOSS = (
    "The loss compares the labels $y$ with the predictions $p$:\n\n"
    r"$$l = -\sum_{j=1}^{C} y_j \log p_j$$" + "\n\n"
    r"$$\frac{\partial l}{\partial z_i} = \sum_{j=1}^{C} \frac{\partial l}{\partial p_j}"
    r"\frac{\partial p_j}{\partial z_i} = p_i\frac{\partial l}{\partial p_i} - \sum_{j=1}^{C}"
    r" p_i p_j \frac{\partial l}{\partial p_j}$$" + "\n\n"
)


def last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("holds", "slip"),
    [
        (r"-y_i + p_i \sum_{j=1}^{C} y_j", r"-y_i + \sum_{j=1}^{C} y_i p_i"),
        (
            r"-p_i y_i \frac{1}{p_i} + \sum_{j=1}^{C} y_j p_i",
            r"-p_i y_i \frac{1}{p_i} - \sum_{j=1}^{C} y_j p_i",
        ),
    ],
)
def test_an_identity_in_the_probabilities_is_judged(holds, slip):
    right = last(LOSS + f"$$= {holds}$$\n")
    assert right.status == "holds", right.summary
    wrong = last(LOSS + f"$$= {slip}$$\n")
    assert wrong.status == "fails", wrong.summary
    assert "at a probability vector p" in wrong.summary


def test_the_twin_a_step_that_writes_the_logits_stays_ambiguous():
    twin = r"$$= -y_i + \frac{e^{z_i}}{\sum_{k=1}^{C} e^{z_k}} \sum_{j=1}^{C} y_i$$"
    wrong = last(LOSS + twin + "\n")
    assert wrong.status == "not checked", wrong.summary
    assert "which the document does not state" in wrong.summary
