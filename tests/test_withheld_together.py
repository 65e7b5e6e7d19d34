"""Two reasons to withhold a flag that each alone do not lift it: a step put at a parameter's
value ("For $T = 1$") in a text whose targets a hedged sentence calls normalized."""

from __future__ import annotations

from symsoft.reading.document import check_document

DISTILLATION = r"""
# Distillation loss

The student's tempered softmax is $q_i = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}$ and the
teacher gives soft targets $t$ that are not one-hot but do sum to one. With

$$
L = -\sum_i t_i \log q_i
$$

we get

$$
\frac{\partial L}{\partial z_i} = \frac{1}{T}(q_i - t_i)
$$

For $T = 1$ this is the familiar

$$
\frac{\partial L}{\partial z_i} = q_i - t_i
$$
"""


def at(text: str, line: int):  # noqa: ANN201 - a StepResult
    (step,) = [step for step in check_document(text).steps if step.line == line]
    return step


def test_a_step_at_a_remarked_value_with_hedged_normalized_targets_is_not_flagged() -> None:
    """At T = 1 the gradient holds once t sums to one; neither T = 1 alone nor Σ t = 1 alone
    makes it hold, and both were tried one at a time: it was flagged (t = 7/2)."""
    step = at(DISTILLATION, 20)
    assert step.status == "not checked" and not step.flagged
    assert "For $T = 1$" in step.summary and "t summing to one" in step.summary


def test_a_step_wrong_at_the_remarked_value_with_normalized_targets_is_still_flagged() -> None:
    step = at(DISTILLATION.replace("= q_i - t_i\n", "= t_i - q_i\n"), 20)
    assert step.flagged


HARD_LABELS = r"""
The soft targets $t$ sum to one and $q_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$:

$$
L = -\sum_i t_i \log q_i
$$

LEAD, one-hot, the loss is the same.

$$
\frac{\partial L}{\partial z_i} = q_i - t_i
$$
"""


def test_an_alias_after_with_is_a_special_case_not_a_definition() -> None:
    """ "With hard labels $t = y$" speaks of a case: read as t := y it made every step on t a
    step on the labels y, whose hypothesis the text never states (a false flag)."""
    step = check_document(HARD_LABELS.replace("LEAD", "With hard labels $t = y$")).steps[-1]
    assert step.status == "holds"


def test_a_wrong_step_after_the_special_case_is_still_flagged() -> None:
    text = HARD_LABELS.replace("LEAD", "With hard labels $t = y$").replace(
        "= q_i - t_i", "= t_i - q_i"
    )
    assert check_document(text).steps[-1].flagged
