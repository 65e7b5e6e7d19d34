"""Soundness of the steps before a section whose definition is not read: the name is judged
free there, and a flag that rests on its being free is withheld."""

from __future__ import annotations

from symsoft.reading.document import check_document

LABELS_LATER = r"""
# Softmax regression

$$
p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}
$$

$$
L = -\sum_k y_k \log p_k
$$

Differentiating,

$$
\frac{\partial L}{\partial z_i} = p_i - y_i
$$

$$
\frac{\partial p_i}{\partial z_i} = p_i (1 + p_i)
$$

**Labels:**

$$
y_k = \mathbb{1}_{\{k = c\}}
$$
"""


def by_line(text: str) -> dict:
    return {step.line: step for step in check_document(text).steps}


def test_a_flag_that_rests_on_a_name_left_free_before_its_section_is_withheld() -> None:
    """``y_k = \\mathbb{1}_{\\{k = c\\}}`` (one-hot at the true class c, now read) under a bold
    heading after the gradient: with y free the gradient needs Σ_j y_j = 1, with y as defined
    it holds, and the definition comes later: not flagged."""
    step = by_line(LABELS_LATER)[15]
    assert step.status == "not checked" and not step.flagged
    assert "y is defined only at line 25" in step.summary
    assert "without that definition: uses Σ_j y_j = 1" in step.summary


def test_a_wrong_step_that_does_not_use_the_free_name_is_still_flagged() -> None:
    step = by_line(LABELS_LATER)[19]
    assert step.status == "fails" and step.flagged


def test_a_step_before_the_section_that_holds_with_the_name_free_still_holds() -> None:
    text = LABELS_LATER.replace("= p_i - y_i", r"= p_i \sum_k y_k - y_i")
    assert by_line(text)[15].status == "holds"


def test_a_flag_by_the_name_differentiated_by_is_kept() -> None:
    """The Jacobian by θ before ``\\theta = Uh + b_2``: it speaks of every θ, so a slip is
    flagged with θ free (the network's θ are any vector)."""
    text = r"""
## 1. The softmax

With scores $\theta$, let $p_i = \frac{e^{\theta_i}}{\sum_{k=1}^{N} e^{\theta_k}}$.

$$
\frac{\partial p_i}{\partial \theta_i}
= \frac{e^{\theta_i} \sum_k e^{\theta_k} - e^{2 \theta_i}}{(\sum_k e^{\theta_k})^2}
= p_i (1 + p_i)
$$

## 2. A network

$$\theta = Uh + b_2$$
"""
    steps = [step for step in check_document(text).steps if step.line in (7, 8, 9)]
    assert [step.status for step in steps] == ["holds", "fails"]
