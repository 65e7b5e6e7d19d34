"""``\\mathcal{L}`` is the loss L in a text that writes L only as a layer's label in subscripts
(``a_L``, ``z_L``): its steps are judged (a wrong twin flagged); a step that writes the loss
and the label L together is not read (which L is meant?), never judged with the two merged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEXT = (
    "$$a_i = \\frac{{e^{{z_i}}}}{{\\sum_k e^{{z_k}}}}$$\n\n"
    "$$\\mathcal{{L}} = -\\sum_k y_k \\log a_k$$\n\n"
    "$$\\frac{{\\partial \\mathcal{{L}}}}{{\\partial z_L}} = \\frac{{\\partial \\mathcal{{L}}}}"
    "{{\\partial a_L}} \\frac{{\\partial a_L}}{{\\partial z_L}}$$\n\n"
    "$$\\frac{{\\partial \\mathcal{{L}}}}{{\\partial a_i}} = {rhs}$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"), [("-\\frac{y_i}{a_i}", "holds"), ("\\frac{y_i}{a_i}", "fails")]
)
def test_the_loss_is_read_beside_a_layer_label(rhs: str, status: str) -> None:
    steps = check_document(TEXT.format(rhs=rhs)).steps
    assert steps[1].summary == "definition of L"
    assert (steps[-1].status, steps[-1].flagged) == (status, status == "fails")
    layered = steps[2]
    assert layered.status == "not checked" and "index and as a value" in layered.summary
