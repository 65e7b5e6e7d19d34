"""Session 72: a step that fails in the index case said right after its display (the diagonal's
formula written "for $i \\neq j$").  Every "fails" has a twin that holds, or stays unflagged
where the words may belong to something else."""

from __future__ import annotations

from tests.steps import judged

AFTER = r"""Let $s_i = e^{x_i} / \sum_k e^{x_k}$. The entries of the Jacobian are

$$\frac{\partial s_i}{\partial x_j} = ENTRY$$
CASE the other entries follow.
"""


def _after(entry: str, case: str) -> list[tuple[str, str]]:
    return judged(AFTER.replace("ENTRY", entry).replace("CASE", case))


def test_a_step_that_fails_in_the_case_said_after_its_display_fails() -> None:
    # the diagonal's formula written for the off-diagonal entries
    wrong = _after("s_i(1 - s_j)", "for $i \\neq j$, and")
    assert wrong[0][0] == "fails" and "when i ≠ j, the case said after it" in wrong[0][1], wrong
    right = _after("-s_i s_j", "for $i \\neq j$, and")
    assert right[0] == ("holds", "holds when i ≠ j"), right
    # the off-diagonal formula written for the diagonal (the letters in either order)
    swapped = _after("-s_i s_j", "when $j = i$, and")
    assert swapped[0][0] == "fails" and "when i = j, the case said after it" in swapped[0][1]
    diagonal = _after("s_i(1 - s_j)", "when $j = i$, and")
    assert diagonal[0][0] == "holds", diagonal


def test_words_that_may_lead_the_next_display_flag_nothing() -> None:
    # "for $i \neq j$ we get": the case may be the next display's
    led = _after("s_i(1 - s_j)", "for $i \\neq j$ we get")
    assert led[0][0] == "not checked", led
    # two cases after it: which one the display is for is not said
    both = _after("s_i(1 - s_j)", "for $i \\neq j$ and $j = k$,")
    assert both[0][0] != "fails", both


MEAN_VALUE = r"""Let $\sigma(x) = \frac{1}{1+e^{-x}}$ and $g(t) = \sigma(t)$.
WORDS $c \in (0, 1)$ with

$$g(1) - g(0) = g'(c)$$

$$g'(c) = DERIVATIVE$$
"""


def _mean_value(words: str, derivative: str = r"\sigma(c)(1 - \sigma(c))") -> list:
    return judged(MEAN_VALUE.replace("WORDS", words).replace("DERIVATIVE", derivative))


def test_a_value_the_text_says_exists_is_not_every_value() -> None:
    # the mean value theorem's point: the step holds there, not for every c
    steps = _mean_value("By the mean value theorem there exists")
    assert steps[0][0] == "not checked" and "says exists" in steps[0][1], steps
    # a step that holds for every value still holds at it; a sign slip is not flagged at it
    assert steps[1][0] == "holds", steps
    for words in ("存在", "For some", "Il existe un", "Es gibt ein"):
        assert _mean_value(words)[0][0] == "not checked", words
    # the twin: c any value the text takes, the same step fails
    every = _mean_value("Take any")
    assert every[0][0] == "fails", every
    slip = _mean_value("Take any", r"\sigma(c)(1 + \sigma(c))")
    assert slip[1][0] == "fails", slip


def test_there_is_a_name_without_such_that_is_no_value_that_exists() -> None:
    # "there is a $T$ in the denominator": a remark about the formula, not a value that exists
    text = r"""Let $q_i = \frac{e^{z_i / T}}{\sum_k e^{z_k / T}}$. There is a $T$ in every exponent.

$$\frac{\partial q_i}{\partial z_i} = q_i(1 - q_i)$$
"""
    steps = judged(text)
    assert steps[0][0] == "fails", steps
