"""Definitions that refer to one another (``o_j`` the softmax of ``z_j`` and ``z_j`` a sum over
``o_i``: one letter for two layers) are found circular before any is put into another: the
later definition, which closes the circle, is not read (its inputs enter unread), and the first
stands, so the steps about it are judged, not lost after the document's time budget is spent
on expressions that grow with every round.  The same text with
the layer written from its own input reads: its true step holds and its slip is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEMPLATE = r"""The error is $$E = -\sum_j t_j \log o_j$$ with the output
$$o_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$$ and the input to neuron $j$
$$z_j = \sum_i w_{ij} INPUT_i + b$$

$$\frac{\partial o_j}{\partial z_j} = RHS$$
"""


def _last(input_letter: str, rhs: str):
    text = TEMPLATE.replace("INPUT", input_letter).replace("RHS", rhs)
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("rhs", "expected"), [(r"o_j (1 - o_j)", "holds"), (r"o_j (1 + o_j)", "fails")]
)
def test_a_layer_written_with_its_own_output_letter_leaves_its_input_free(rhs, expected):
    # o_i in z_j is the layer below, written with the same letter: the later definition, which
    # closes the circle, is not read; z stays the variable of the softmax
    steps = check_document(TEMPLATE.replace("INPUT", "o").replace("RHS", rhs)).steps
    assert "not read: it is circular" in steps[-2].summary
    assert steps[-1].status == expected, steps[-1].summary


@pytest.mark.parametrize("rhs", [r"o_i", r"-o_i"])
def test_what_enters_through_the_circular_definition_is_not_judged(rhs):
    text = TEMPLATE.replace("INPUT", "o").replace(
        r"\frac{\partial o_j}{\partial z_j} = RHS", r"\frac{\partial z_j}{\partial w_{ij}} = " + rhs
    )
    assert check_document(text).steps[-1].status == "not checked"


def test_the_layer_written_from_its_input_holds():
    step = _last("x", r"o_j (1 - o_j)")
    assert step.status == "holds", step.summary


def test_the_layer_written_from_its_input_flags_a_sign_slip():
    step = _last("x", r"o_j (1 + o_j)")
    assert step.flagged, step.summary
