"""``log`` and ``ln`` written against one capital, ``logS_i``, ``lnZ``: the logarithm of it (a
word of more letters, ``logits``, ``lnx``, stays unread or a name)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

LOG_SOFTMAX = r"""
We write $S_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$.

$$\frac{\partial WRITTEN_i}{\partial z_j} = \delta_{ij} - S_RIGHT$$
"""


@pytest.mark.parametrize("written", ["logS", "lnS", r"\log S", "log S"])
def test_the_log_of_a_capital_reads(written: str) -> None:
    text = LOG_SOFTMAX.replace("WRITTEN", written)
    right = [s.status for s in check_document(text.replace("RIGHT", "j")).steps]
    wrong = [s.status for s in check_document(text.replace("RIGHT", "i")).steps]
    assert right[-1] == "holds"
    assert wrong[-1] == "holds only"  # when i = j: the swapped index


def test_two_capitals_after_log_are_no_log() -> None:
    text = LOG_SOFTMAX.replace("WRITTEN", "logSZ").replace("RIGHT", "j")
    assert check_document(text).steps[-1].status == "not checked"
