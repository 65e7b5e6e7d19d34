"""Entries of a batch written as ``\\text{softmax}(Z)_{i,j}`` (a call's value with the row index
first) and logits written ``Z_{ik}``: the row fixed, they are read as entries of one row; every
step that holds has a twin that fails."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

ROW = r"""For one row $i$ of the batch,

$$\text{softmax}(Z)_{i,j} = \frac{e^{Z_{i,j}}}{\sum_k e^{Z_{i,k}}}$$

$$\frac{\partial\, \text{softmax}(Z)_{i,j}}{\partial Z_{i,k}} = RHS$$
"""


def _statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


@pytest.mark.parametrize("logits", ["Z", "z", "A"])
def test_an_entry_of_a_softmax_of_a_batch_is_read_on_its_row(logits: str) -> None:
    row = ROW.replace("Z", logits)
    good = row.replace(
        "RHS",
        rf"\text{{softmax}}({logits})_{{i,j}}(\delta_{{jk}} - \text{{softmax}}({logits})_{{i,k}})",
    )
    assert _statuses(good)[-1] == "holds"
    bad = good.replace(r"\delta_{jk} -", r"\delta_{jk} +")
    steps = check_document(bad).steps
    assert steps[-1].status == "fails", steps[-1].summary


def test_a_softmax_of_a_batch_beside_another_row_is_not_read() -> None:
    other = ROW.replace("RHS", r"\text{softmax}(Z)_{t,j}(\delta_{jk} + \text{softmax}(Z)_{i,k})")
    assert _statuses(other)[-1] == "not checked"


ENTRIES = r"""$$p_k = \frac{e^{Z_k}}{\sum_j e^{Z_j}}$$

$$\frac{\partial p_i}{\partial Z_k} = RHS$$
"""


def test_z_with_an_index_is_an_entry() -> None:
    assert _statuses(ENTRIES.replace("RHS", r"p_i(\delta_{ik} - p_k)"))[-1] == "holds"
    assert _statuses(ENTRIES.replace("RHS", r"p_k(\delta_{ik} - p_i)"))[-1] == "holds"
    assert _statuses(ENTRIES.replace("RHS", r"p_i(\delta_{ik} - p_i)"))[-1] in (
        "fails",
        "holds only",
    )


PARTITION = r"""$$Z = \sum_k e^{a_k}$$

$$p_i = \frac{e^{a_i}}{Z}$$

$$\frac{\partial Z}{\partial a_i} = RHS$$
"""


def test_z_without_an_index_is_still_the_partition_sum() -> None:
    assert _statuses(PARTITION.replace("RHS", "e^{a_i}"))[-1] == "holds"
    assert _statuses(PARTITION.replace("RHS", "Z"))[-1] == "fails"
