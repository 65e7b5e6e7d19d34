"""Soundness of the loss written at one class: the value of a worked example (``L = -\\log p_3``
for true class 3) is no definition of L, and ``L = -\\log p_c`` "if the true class is $c$" is
the one-hot loss at c, which the reader does not encode, so it is not refuted with free labels."""

from __future__ import annotations

from symsoft.reading.document import check_document

EXAMPLE = r"""
The softmax is $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and with a one-hot label $y$ the
cross-entropy gives

$$\frac{\partial L}{\partial z_i} = p_i - y_i$$

For example with $z = (1, 2, 3)$ and true class 3 the loss is

$$L = -\log p_3$$
"""


def by_line(text: str) -> dict:
    return {step.line: step for step in check_document(text).steps}


def test_the_loss_at_an_examples_class_is_not_the_definition_of_the_loss() -> None:
    """Read as the definition of L, -log p_3 refuted the general gradient above it."""
    steps = by_line(EXAMPLE)
    assert steps[5].status == "holds"
    assert steps[9].status == "definition" and "a value of L at p_3" in steps[9].summary


def test_a_wrong_gradient_beside_the_examples_loss_is_still_flagged() -> None:
    step = by_line(EXAMPLE.replace("= p_i - y_i$$", "= y_i - p_i$$"))[5]
    assert step.status == "fails" and step.flagged


def test_a_sum_of_variables_written_out_is_still_a_definition() -> None:
    text = r"""
With three logits

$$Z = e^{z_1} + e^{z_2} + e^{z_3}$$
"""
    assert by_line(text)[4].status == "definition"


TRUE_CLASS = r"""
The softmax is $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and the loss is the cross-entropy
$L = -\sum_j y_j \log p_j$ with a one-hot label $y$.

$$\frac{\partial L}{\partial z_i} = p_i - y_i$$

If the true class is $c$, then

$$L = -\log p_c$$

and

$$\frac{\partial L}{\partial z_i} = p_i - \delta_{ic}$$
"""


def test_the_loss_at_the_true_class_is_not_refuted_with_free_labels() -> None:
    """L = -log p_c holds for y one-hot at c; y only summing to one refuted it (y = (7/2,
    -5/2)): the labels enter through L's definition, not written in the step."""
    steps = by_line(TRUE_CLASS)
    assert steps[9].status == "not checked" and not steps[9].flagged
    # (y said one-hot: its flag rests on a y that is not, since session 57 said so in words)
    assert "y is a free variable" in steps[9].summary or "not one-hot" in steps[9].summary
    assert not steps[13].flagged


def test_a_wrong_step_beside_the_loss_at_the_true_class_is_still_flagged() -> None:
    text = TRUE_CLASS.replace(r"= p_i - \delta_{ic}$$", r"= p_i (1 + p_i)$$").replace(
        r"\frac{\partial L}{\partial z_i} = p_i (1", r"\frac{\partial p_i}{\partial z_i} = p_i (1"
    )
    step = by_line(text)[13]
    assert step.status == "fails" and step.flagged
