"""The softmax of logits divided by a temperature, ``\\text{softmax}(z/T)_i``, read as
``e^{z_i/T} / \\sum_k e^{z_k/T}``. Each step that holds has a twin with one change that is
flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.grammar.latex import parse_expression

PROSE = (
    r"Student $q_i = \frac{\exp(z_i/T)}{\sum_j \exp(z_j/T)}$, logits $z$, temperature $T$."
    "\n\n"
)

HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: flagged)
    ("q_i", r"\text{softmax}(z/T)_i", r"\text{softmax}(z)_i"),
    (
        r"\frac{\partial}{\partial z_i} \left( \log \text{softmax}(z/T)_j \right)",
        r"\frac{1}{T}(\delta_{ij} - \text{softmax}(z/T)_i)",
        r"\delta_{ij} - \text{softmax}(z/T)_i",
    ),
    (r"\mathrm{softmax}(\frac{z}{T})_i", "q_i", r"\frac{q_i}{T}"),
]


@pytest.mark.parametrize(("lhs", "holds", "slip"), HOLDS_AND_TWIN)
def test_softmax_of_scaled_logits(lhs, holds, slip):
    right = check_document(f"{PROSE}$$\n{lhs} = {holds}\n$$\n").steps[-1]
    wrong = check_document(f"{PROSE}$$\n{lhs} = {slip}\n$$\n").steps[-1]
    assert right.status == "holds", right.summary
    assert wrong.status in ("fails", "holds only"), wrong.summary


@pytest.mark.parametrize("written", [r"\text{softmax}(x z)_i", r"\text{softmax}(z + T)_i"])
def test_softmax_of_anything_else_is_not_read(written):
    with pytest.raises(Exception, match="one vector name"):
        parse_expression(written, open_names=True)
