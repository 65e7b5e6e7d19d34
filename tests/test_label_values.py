"""A step written under a label's value, in the words a display uses for it: ``\\text{ where }
y_i = 1``, ``\\quad \\text{if } y_i = 1``, ``, \\text{when } y_k = 0``."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

GRADIENT = r"""
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$, with one-hot $y$:

$$
L = -\sum_k y_k \log p_k
$$

At the true class,

$$
\frac{\partial L}{\partial z_i} = p_i - 1 CONDITION
$$
"""


def last(condition: str):  # noqa: ANN201 - a StepResult
    return check_document(GRADIENT.replace("CONDITION", condition)).steps[-1]


@pytest.mark.parametrize(
    "condition",
    [
        r"\text{ where } y_i = 1",
        r"\quad \text{if } y_i = 1",
        r"\qquad \text{when } y_i = 1",
        r", \quad \text{for } y_{i} = 1",
    ],
)
def test_a_step_under_a_labels_value_is_not_flagged(condition: str) -> None:
    """Judged against the general loss without the value, it fails (it was flagged under
    ``\\quad \\text{if } y_i = 1``, and the value itself read as a step)."""
    step = last(condition)
    assert step.status == "not checked" and not step.flagged
    assert "label's value" in step.summary
    assert len(check_document(GRADIENT.replace("CONDITION", condition)).steps) == 2


def test_the_step_without_the_labels_value_is_still_flagged() -> None:
    assert last("").flagged


def test_an_index_case_after_if_is_still_a_case() -> None:
    text = GRADIENT.replace(
        r"\frac{\partial L}{\partial z_i} = p_i - 1 CONDITION",
        r"\frac{\partial p_i}{\partial z_j} = p_i (1 - p_i) \quad \text{if } i = j",
    )
    assert check_document(text).steps[-1].status == "holds"
