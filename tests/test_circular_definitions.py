"""Definitions that refer to one another (``o_j`` the softmax of ``z_j`` and ``z_j`` a sum over
``o_i``: one letter for two layers) are found circular before any is put into another, so the
steps that need them are answered at once ("not checked: circular definitions"), not after the
document's time budget is spent on expressions that grow with every round.  The same text with
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


@pytest.mark.parametrize("rhs", [r"o_j (1 - o_j)", r"o_j (1 + o_j)"])
def test_a_layer_written_with_its_own_output_letter_is_circular(rhs):
    step = _last("o", rhs)
    assert step.status == "not checked"
    assert "circular definitions" in step.summary


def test_the_layer_written_from_its_input_holds():
    step = _last("x", r"o_j (1 - o_j)")
    assert step.status == "holds", step.summary


def test_the_layer_written_from_its_input_flags_a_sign_slip():
    step = _last("x", r"o_j (1 + o_j)")
    assert step.flagged, step.summary
