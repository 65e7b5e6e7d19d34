"""Soundness of a step that uses a name whose (readable) definition comes only after it, in a
later section or as a new choice ("now take $c = …$"): the name may be free there, or mean
something else, so the step is judged with the definition and without it, and holds or is
flagged only when both readings agree. A "where c = …" right after the formula, in the same
section, still governs it."""

from __future__ import annotations

from symsoft.reading.document import check_document

SHIFT = r"""
# Softmax notes

## 1. Shifting the logits

Subtract a constant $c$ from each logit. The derivative of a shifted logit is

$$\frac{\partial}{\partial z_i} (z_i - c) = 1$$

## 2. Log-softmax

Now take the log-partition

$$c = \log \sum_k e^{z_k}$$

so that

$$\log \frac{e^{z_i}}{\sum_k e^{z_k}} = z_i - c$$
"""


def by_line(text: str) -> dict:
    return {step.line: step for step in check_document(text).steps}


def test_a_constant_defined_in_a_later_section_does_not_refute_an_earlier_step() -> None:
    """With c the later log-partition the derivative is 1 - p_i; in section 1 c is a constant."""
    step = by_line(SHIFT)[8]
    assert step.status == "not checked" and not step.flagged
    assert "c is defined only at line 14" in step.summary


def test_the_later_definition_still_governs_its_own_section() -> None:
    steps = by_line(SHIFT)
    assert steps[14].status == "definition"
    assert steps[18].status == "holds"
    wrong = by_line(SHIFT.replace("= z_i - c$$", "= z_i + c$$"))[18]
    assert wrong.status == "fails" and wrong.flagged


def test_a_step_true_only_under_the_later_definition_does_not_hold() -> None:
    """Σ_k e^{z_k - c} = 1 holds with c = log Σ_k e^{z_k} (section 2), not with c the largest
    logit (what section 1 says it is)."""
    text = r"""
# Stable softmax

## 1. The trick

For numerical stability we subtract the largest logit, call it $c$, before exponentiating.
The shifted terms then sum to one:

$$\sum_k e^{z_k - c} = 1$$

## 2. Log-sum-exp

Define

$$c = \log \sum_k e^{z_k}$$
"""
    step = by_line(text)[9]
    assert step.status == "not checked" and "c is defined only at line 15" in step.summary


SECTIONS = r"""
# Cross-entropy gradient

## 1. Setup

The logits $o_i$ go through the softmax, giving probabilities $p_i$, and
$L = -\sum_k y_k \log p_k$ with one-hot $y$.

$$\frac{\partial L}{\partial o_i} = p_i - y_i$$

## 2. A different p

In this section let

$$p_i = \frac{e^{2 o_i}}{\sum_k e^{2 o_k}}$$

Then

$$\frac{\partial p_i}{\partial o_i} = 2 p_i (1 - p_i)$$
"""


def test_a_name_redefined_in_a_later_section_does_not_refute_an_earlier_step() -> None:
    step = by_line(SECTIONS)[9]
    assert step.status == "not checked" and not step.flagged
    assert "p is defined only at line 15" in step.summary
    assert by_line(SECTIONS)[19].status == "holds"


def test_a_step_wrong_under_both_readings_is_still_flagged() -> None:
    """y_i - p_i fails with p the softmax the words state and with the later p: flagged, with
    the counterexample of the meaning in force before the definition."""
    step = by_line(SECTIONS.replace("= p_i - y_i$$", "= y_i - p_i$$"))[9]
    assert step.status == "fails" and step.flagged
    assert "log(5/2)/2" not in step.summary  # the point of the softmax of o, not of 2o


def test_a_wrong_step_after_the_later_definition_is_flagged() -> None:
    step = by_line(SECTIONS.replace("= 2 p_i (1 - p_i)$$", "= p_i (1 - p_i)$$"))[19]
    assert step.status == "fails" and step.flagged


WHERE = r"""
# Log-softmax

The log-partition is the key ingredient of the derivative:

$$\frac{\partial}{\partial z_i} (z_i - c) = 1 - p_i$$

where $c = \log \sum_k e^{z_k}$ and $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$.
"""


def test_a_definition_right_after_the_formula_governs_it() -> None:
    assert by_line(WHERE)[6].status == "holds"


def test_a_definition_right_after_the_formula_still_refutes_it() -> None:
    step = by_line(WHERE.replace("= 1 - p_i$$", "= 1$$"))[6]
    assert step.status == "fails" and step.flagged


def test_a_definition_announced_as_a_new_choice_does_not_govern_the_steps_before_it() -> None:
    text = r"""
# Shifting

Subtract a constant $c$ from each logit; the shifted logit has derivative

$$\frac{\partial}{\partial z_i} (z_i - c) = 1$$

Now take $c = \log \sum_k e^{z_k}$, so that $z_i - c$ is the log-softmax.
"""
    step = by_line(text)[6]
    assert step.status == "not checked" and "c is defined only at line 8" in step.summary


def test_let_p_be_the_softmax_of_a_is_not_the_definition_p_equals_a() -> None:
    """Reading "Let $p$ be the softmax of the scores $a$": a is the argument; read as p = a
    the correct Jacobian was refuted (left side 0)."""
    text = r"""
# Softmax

Let $p$ be the softmax of the scores $a$. Its Jacobian is

$$\frac{\partial p_i}{\partial a_j} = p_i (\delta_{ij} - p_j)$$
"""
    step = by_line(text)[6]
    assert not step.flagged
    assert all(meaning != "p = a" for meaning, _ in check_document(text).meanings)


def test_let_z_be_the_sum_is_still_a_definition() -> None:
    text = r"""
Let $Z$ be the sum $\sum_k e^{a_k}$ and $S_i = e^{a_i} / Z$.

$$\frac{\partial S_i}{\partial a_i} = S_i (1 + S_i)$$
"""
    step = by_line(text)[4]
    assert step.status == "fails" and step.flagged


ACCENTED = r"""
\section{Softmax}
The probabilities are $\hat{y}_k = \frac{\exp(z_k)}{\sum_{j} \exp(z_j)}$ and, with one-hot
$y$, the loss is $\ell = -\sum_{k} y_k \ln \hat{y}_k$.
\subsection{Temperature}
With temperature $T > 0$ the probabilities become
$\hat{y}_k = \exp(z_k / T) / \sum_j \exp(z_j / T)$ and
\[
  \frac{\partial \ell}{\partial z_k} = \frac{1}{T} (\hat{y}_k - y_k).
\]
"""


def test_an_accented_name_defined_again_is_judged_under_the_definition_in_force() -> None:
    """``\\hat{y}`` (the name yhat) redefined with a temperature: the step was judged under the
    first definition only (the written ``\\hat{y}_k`` was not seen to be yhat) and refuted."""
    step = by_line(ACCENTED)[9]
    assert step.status == "holds"


def test_a_wrong_step_with_an_accented_name_defined_again_is_flagged() -> None:
    step = by_line(ACCENTED.replace(r"\frac{1}{T} (\hat{y}_k", r"T (\hat{y}_k"))[9]
    assert step.status == "fails" and step.flagged


CENTERED = r"""
# Centering and shifting logits

## Centering

Let $m$ be the mean of the logits $z_1, \dots, z_K$. The centered logits sum to zero:

$$\sum_{k=1}^{K} (z_k - m) = 0$$

and the softmax does not change:

$$\frac{e^{z_i - m}}{\sum_{k=1}^{K} e^{z_k - m}} = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$$

## Shifting by the maximum

For stability we use instead

$$m = \max_k z_k$$

so that

$$\log \sum_{k=1}^{K} e^{z_k} = m + \log \sum_{k=1}^{K} e^{z_k - m}$$
"""


def test_a_maximum_defined_in_a_later_section_does_not_refute_an_earlier_step() -> None:
    """m is the mean in section 1: Σ_k (z_k - m) = 0 holds there; it was refuted with m the
    maximum defined under the next heading."""
    steps = by_line(CENTERED)
    assert steps[8].status == "not checked" and not steps[8].flagged
    assert "m is the maximum only from line 18" in steps[8].summary
    assert steps[12].status == "holds"  # for every m
    assert steps[22].status == "holds"


def test_a_step_wrong_for_every_m_after_the_maximum_is_still_flagged() -> None:
    text = CENTERED.replace("= m + \\log", "= -m + \\log")
    step = by_line(text)[22]
    assert step.status == "fails" and step.flagged


ONLY_LATER = r"""
# Softmax layer

When $i = k$,

$$\partial y_i / \partial x_k = \frac{\exp(x_i)}{\sum_j \exp(x_j)}
\cdot \frac{[\sum_j \exp(x_j)] - \exp(x_i)}{\sum_j \exp(x_j)} = RESULT$$

## Stable softmax

$$y_i = \frac{\exp(x_i)}{\sum_j \exp(x_j)}$$
"""


def test_a_name_only_displays_use_before_a_later_definition_takes_that_definition() -> None:
    """y is written only in the displays before the section that defines it: the text gives
    it no other meaning, so the derivation is judged with it (a post's last section)."""
    steps = check_document(ONLY_LATER.replace("RESULT", "y_i (1 - y_i)")).steps
    assert steps[1].status == "holds"


def test_a_wrong_step_before_the_only_definition_is_flagged() -> None:
    steps = check_document(ONLY_LATER.replace("RESULT", "y_i (1 + y_i)")).steps
    assert steps[1].status == "fails"


def test_a_name_the_prose_speaks_of_before_a_later_definition_stays_ambiguous() -> None:
    text = ONLY_LATER.replace("When $i = k$,", "Here $y$ is any smooth function. When $i = k$,")
    steps = check_document(text.replace("RESULT", "y_i (1 - y_i)")).steps
    assert steps[1].status == "not checked" and "defined only at line" in steps[1].summary


TWO_LAYERS = r"""
# Two output layers

## Part one

For mutually exclusive classes the outputs are normalized exponentials, and

$$\frac{\partial s_i}{\partial z_j} = s_i(\delta_{ij} - s_j)$$

## Part two

For multi-label problems LEAD

$$s_i = \frac{1}{1 + e^{-z_i}}$$

$$\frac{\partial s_i}{\partial z_j} = \delta_{ij} s_i (1 - s_i)$$
"""


def test_a_later_sigmoid_does_not_refute_an_earlier_softmax_section() -> None:
    """s is the softmax in part one (said in words) and the sigmoid only in part two: the
    softmax Jacobian of part one was refuted under the later definition."""
    for lead in ("we instead use", "the outputs are"):
        step = by_line(TWO_LAYERS.replace("LEAD", lead))[8]
        assert step.status == "not checked" and not step.flagged
        assert "s is defined only at line 14" in step.summary


def test_a_step_wrong_under_both_meanings_before_a_later_sigmoid_is_not_held() -> None:
    text = TWO_LAYERS.replace("LEAD", "we instead use").replace(
        r"s_i(\delta_{ij} - s_j)", r"s_i(\delta_{ij} + s_j)"
    )
    steps = by_line(text)
    assert steps[8].status != "holds"
    assert steps[16].status == "holds"  # the sigmoid's own section judges with it


def test_a_later_sigmoid_after_no_words_still_governs_the_earlier_display() -> None:
    """No words before it give s another meaning: the later definition is its only one."""
    text = TWO_LAYERS.replace(
        "For mutually exclusive classes the outputs are normalized exponentials, and", "Then"
    ).replace("For multi-label problems LEAD", "The outputs are")
    step = by_line(text.replace(r"s_i(\delta_{ij} - s_j)", r"\delta_{ij} s_i (1 + s_i)"))[8]
    assert step.status == "holds only" and step.flagged  # refuted when i = j
