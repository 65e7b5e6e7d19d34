"""Red team, round 16: correct steps that were flagged under a reading that is not the
author's. A function defined at some arguments and applied at others (``H(p)``, the entropy,
beside ``H(p, q)``, the cross-entropy) is not the name; a display the words before it say is
made under another choice ("the sum is used instead") or holds only up to a constant is not an
equality as read. Each test has a twin with a real slip, still flagged."""

from __future__ import annotations

from symsoft.reading.document import check_document

ENTROPY = r"""
# Cross-entropy and KL divergence

For distributions $p$ and $q$ over $K$ outcomes the cross-entropy is

$$
H(p, q) = -\sum_k p_k \log q_k
$$

and the entropy is $H(p) = -\sum_k p_k \log p_k$. Then

$$
\sum_k p_k \log \frac{p_k}{q_k} = H(p, q) + \sum_k p_k \log p_k = H(p, q) - H(p)
$$

$$
\sum_k p_k (\log p_k - \log q_k) = -\sum_k p_k \log q_k + \sum_k p_k \log p_k
$$

Cross-entropy is not symmetric:

$$
-\sum_k q_k \log p_k = H(q, p)
$$

$$
H(p, q) = -\sum_k q_k \log p_k
$$
"""

SUMMED = r"""
# Mean over the batch

Each sample $n$ has logit $z_n$ and prediction $\hat{y}_n = \sigma(z_n)$, with
$\sigma(t) = \frac{1}{1+e^{-t}}$. The loss is the mean

$$
L = -\frac{1}{N}\sum_{n=1}^{N} \left[y_n \log \hat{y}_n + (1 - y_n)\log(1 - \hat{y}_n)\right]
$$

$$
\frac{\partial L}{\partial z_n} = \frac{1}{N}(\hat{y}_n - y_n)
$$

In code the sum is often used instead, and then

$$
\frac{\partial L}{\partial z_n} = \hat{y}_n - y_n
$$
"""

CONSTANT = r"""
# Log-softmax

With $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$,

$$
\log p_k = z_k - \log \sum_j e^{z_j}
$$

so, up to an additive constant that does not depend on $z_k$,

$$
\log p_k = z_k
$$
"""


def by_line(text: str) -> dict:
    return {step.line: step for step in check_document(text).steps}


def test_a_function_applied_at_other_arguments_than_its_definition_is_not_that_name() -> None:
    """``H(p)`` (the entropy) after ``H(p, q) = …`` (the cross-entropy) was read as ``H(p, q)``
    and the KL identity flagged; ``H(q, p)`` was read as ``H(p, q)`` too."""
    steps = by_line(ENTROPY)
    kl, swapped = steps[13], steps[23]
    assert not any(s.flagged for s in check_document(ENTROPY).steps if s.line in (13, 23))
    assert "the text defines H(p, q) at other arguments" in kl.summary
    assert swapped.status == "not checked" and "H(q, p)" in swapped.summary


def test_the_same_arguments_still_read_as_the_name_and_a_slip_is_flagged() -> None:
    """Twin: ``H(p, q)`` at its own arguments is the definition, so its value with p and q
    swapped fails; the KL identity written out holds, and with a sign lost fails."""
    steps = by_line(ENTROPY)
    assert steps[27].status == "fails" and steps[27].flagged
    assert steps[17].status == "holds"
    slipped = ENTROPY.replace("= -\\sum_k p_k \\log q_k +", "= \\sum_k p_k \\log q_k +")
    assert by_line(slipped)[17].status == "fails"


def test_a_display_said_to_use_another_choice_is_not_flagged() -> None:
    """ "the sum is often used instead": the gradient of the summed loss is correct for it; read
    with the mean defined above it would fail."""
    step = by_line(SUMMED)[18]
    assert step.status == "not checked" and not step.flagged
    assert "another choice is made ('instead'" in step.summary


def test_a_slip_without_such_words_is_still_flagged() -> None:
    """Twin: the same display after words that make no other choice fails (the 1/N lost)."""
    text = SUMMED.replace("In code the sum is often used instead, and then", "Hence")
    step = by_line(text)[18]
    assert step.status == "fails" and step.flagged


def test_a_slip_marked_as_such_keeps_its_flag_beside_instead() -> None:
    text = SUMMED.replace(
        "In code the sum is often used instead, and then",
        "A common mistake is to drop the mean and write instead",
    )
    assert by_line(text)[18].flagged


def test_a_step_said_to_hold_up_to_a_constant_is_not_flagged() -> None:
    step = by_line(CONSTANT)[13]
    assert step.status == "not checked" and not step.flagged
    assert "up to an additive constant" in step.summary


def test_the_same_step_without_those_words_is_flagged() -> None:
    """Twin: ``\\log p_k = z_k`` said as an equality fails (the log-partition lost)."""
    text = CONSTANT.replace("so, up to an additive constant that does not depend on $z_k$,", "so")
    step = by_line(text)[13]
    assert step.status == "fails" and step.flagged


def test_a_step_that_holds_up_to_a_constant_and_exactly_still_holds() -> None:
    text = CONSTANT.replace("\\log p_k = z_k\n$$", "\\log p_k - z_k = -\\log \\sum_j e^{z_j}\n$$")
    assert by_line(text)[13].status == "holds"
