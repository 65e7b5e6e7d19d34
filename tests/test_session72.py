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


SOFT = r"""WORDS

With $q_k = \frac{e^{o_k}}{\sum_j e^{o_j}}$ and $E = -\sum_k t_k \log q_k$:

$$\frac{\partial E}{\partial o_j} = q_j - t_j$$
"""


def _soft(words: str) -> tuple[str, str]:
    return judged(SOFT.replace("WORDS", words))[0]


def test_soft_labels_with_another_total_are_no_distribution() -> None:
    # review 72: "soft labels" stated Σ t = 1 even where the text gives another total
    for words in (
        r"The soft labels $t_k$ satisfy $\sum_k t_k = 5$.",
        r"The soft labels are $t = (2, 3)$, the numbers of annotators who chose each class.",
        r"The soft labels $t_k$ are the numbers of annotators who chose class $k$.",
        r"The soft targets are the raw teacher logits, $t_k = v_k$.",
    ):
        verdict = _soft(words)  # (flagged, or not judged: never a plain "holds")
        assert verdict[0] != "holds" or "does not state" in verdict[1], (words, verdict)
    assert "does not state" in _soft(r"The soft labels $t_k$ satisfy $\sum_k t_k = 5$.")[1]
    # the twins: soft labels said to sum to one, or said alone, state it
    for words in (
        r"The soft labels $t_k$ satisfy $\sum_k t_k = 1$.",
        r"The soft labels are $t = (0.2, 0.8)$.",
        r"We use soft labels $t$.",
    ):
        verdict = _soft(words)
        assert verdict[0] == "holds" and "does not state" not in verdict[1], (words, verdict)


ONE_HOT = r"""WORDS

With $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_i y_i \log p_i$:

$$p_j \sum_i y_i - y_j = p_j - y_j$$
"""


def test_one_hot_said_as_a_basis_vector_or_a_row_of_the_identity() -> None:
    for words in (
        r"The label $y$ is the $c$-th unit vector.",
        r"The label is $y = e_c$, the $c$-th basis vector.",
        r"The label $y$ is a row of the identity matrix.",
    ):
        verdict = judged(ONE_HOT.replace("WORDS", words))[0]
        assert verdict == ("holds", "holds given Σ_j y_j = 1"), (words, verdict)
    # the twin: "a unit vector" alone has norm one, and sums to anything
    verdict = judged(ONE_HOT.replace("WORDS", r"The label $y$ is a unit vector."))[0]
    assert "does not state" in verdict[1], verdict


ACTIVATIONS = r"""DEFINITION

$$ \frac{\partial a_{i}}{\partial z_{i}} = [1 - softmax(z_{i})] softmax(z_{i}) = RESULT $$
"""


def test_the_default_logits_differentiated_are_outputs_no_flag_rests_on() -> None:
    # review 72: a never defined but differentiated (∂a_i/∂z_i) is an activation, not the
    # default logits: a flag that rests on a being free is no flag
    unstated = judged(ACTIVATIONS.replace("DEFINITION", "").replace("RESULT", "[1 - a_{i}]a_{i}"))
    assert unstated[1][0] == "not checked", unstated
    # the twins: a defined as the softmax of z, the same step holds, and a slip fails
    defined = r"Let $a_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$."
    right = judged(ACTIVATIONS.replace("DEFINITION", defined).replace("RESULT", "[1 - a_{i}]a_{i}"))
    assert right[1][0] == "holds", right
    slip = judged(ACTIVATIONS.replace("DEFINITION", defined).replace("RESULT", "[1 + a_{i}]a_{i}"))
    assert slip[1][0] == "fails", slip
