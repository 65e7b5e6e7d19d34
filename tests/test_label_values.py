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
    text = GRADIENT.replace("At the true class,", "Then,").replace("CONDITION", "")
    assert check_document(text).steps[-1].flagged
    # "At the true class," names the step's case (review 77d P): no flag rests on another class
    assert last("").status == "not checked" and not last("").flagged


def test_an_index_case_after_if_is_still_a_case() -> None:
    text = GRADIENT.replace(
        r"\frac{\partial L}{\partial z_i} = p_i - 1 CONDITION",
        r"\frac{\partial p_i}{\partial z_j} = p_i (1 - p_i) \quad \text{if } i = j",
    )
    assert check_document(text).steps[-1].status == "holds"


ONE_HOT = r"""
Let $p_i = \frac{e^{o_i}}{\sum_k e^{o_k}}$ and $L = -\sum_k y_k \log p_k$. WORDS

$$STEP$$
"""


@pytest.mark.parametrize(
    "step",
    [
        r"\sum_k y_k^2 = 1",
        r"y_i^2 = y_i",
        r"\frac{\partial L}{\partial o_i} = p_i - y_i^2",
    ],
)
@pytest.mark.parametrize("words", ["The label vector $y$ is one-hot.", "$y_i$ is the true class."])
def test_a_step_true_for_one_hot_labels_is_not_refuted_at_other_labels(step, words) -> None:
    """Refuted at y = (7/2, -5/2), which sums to one but is no one-hot vector the text names."""
    (result,) = [
        s for s in check_document(ONE_HOT.replace("STEP", step).replace("WORDS", words)).steps
    ]
    assert result.status == "not checked" and not result.flagged
    assert "one-hot" in result.summary


@pytest.mark.parametrize(
    "step",
    [
        r"\sum_k y_k^2 = 2",
        r"y_i^2 = 2 y_i",
        r"\frac{\partial L}{\partial o_i} = y_i - p_i^2",
    ],
)
def test_a_step_wrong_for_one_hot_labels_is_still_flagged(step) -> None:
    text = ONE_HOT.replace("STEP", step).replace("WORDS", "The label vector $y$ is one-hot.")
    (result,) = check_document(text).steps
    assert result.status == "fails" and result.flagged


def test_without_one_hot_words_a_distribution_is_refuted() -> None:
    text = ONE_HOT.replace("STEP", r"\sum_k y_k^2 = 1")
    (result,) = check_document(
        text.replace("WORDS", "The targets $y$ form a probability distribution.")
    ).steps
    assert result.status == "fails"


SOFT = r"""
With temperature $T$, $q_i = \frac{e^{z_i/T}}{\sum_k e^{z_k/T}}$ and the soft loss
$C = -\sum_i p_i \log q_i$ with WORDS $p$.

$$\frac{\partial C}{\partial z_i} = GRADIENT$$
"""


def test_teacher_probabilities_sum_to_one() -> None:
    """'teacher probabilities $p$' are a distribution: the distillation gradient was refuted
    at p = (-1/2), N = 1."""
    for words in ("teacher probabilities", "the target distribution"):
        text = SOFT.replace("WORDS", words)
        (right,) = check_document(text.replace("GRADIENT", r"\frac{1}{T}(q_i - p_i)")).steps
        (wrong,) = check_document(text.replace("GRADIENT", r"\frac{1}{T}(p_i - q_i)")).steps
        assert right.status == "holds" and wrong.status == "fails"
    (free,) = check_document(
        SOFT.replace("WORDS", "targets").replace("GRADIENT", r"\frac{1}{T}(q_i - p_i)")
    ).steps
    assert free.flagged  # targets need not sum to one: the step needs Σ p = 1
