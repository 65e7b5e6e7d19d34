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


ALIAS = r"""$\mathcal{L}(\hat{y}, y) = -\big(y\log\hat{y} + (1-y)\log(1-\hat{y})\big)$

$z = w^{T} x + b$, and $a = \hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}}$

#### Loss Function wrt `a`

$\frac{\delta \mathcal {L}}{\delta a} = RESULT$
"""


def test_a_derivative_by_a_name_set_equal_to_another_is_by_that_name() -> None:
    # real round 77: L written with ŷ, then "a = ŷ": ∂L/∂a is ∂L/∂ŷ
    right = judged(ALIAS.replace("RESULT", r"-\frac{y}{a} + \frac{1-y}{1-a}"))
    assert right[-1][0] == "holds", right
    slip = judged(ALIAS.replace("RESULT", r"-\frac{y}{a} - \frac{1-y}{1-a}"))
    assert slip[-1][0] == "fails", slip


AT_SCALE = r"""$z = w^{T} x + b$ and $a = \sigma(z) = \frac{1}{1 + e^{-z}}$, with the loss
$\mathcal{L}(a, y) = -\big(y\log a + (1-y)\log(1 - a)\big)$.

$\frac{\delta a}{\delta z} = RESULT$

## At Scale

$J(w, b) = \frac{1}{m} \sum^{m}_{i=1} \mathcal{L}\big( a^{i}, y \big)$
"""


def test_a_letter_written_plain_is_itself_where_the_text_also_writes_it_per_sample() -> None:
    # real round 77: a^i (a sample, written as a superscript) later in the text left every
    # step with a plain a unread; a step that writes a^… stays unread
    right = judged(AT_SCALE.replace("RESULT", "a (1 - a)"))
    assert right[-2][0] == "holds", right
    slip = judged(AT_SCALE.replace("RESULT", "a (1 + a)"))
    assert slip[-2][0] == "fails", slip
    squared = judged(AT_SCALE.replace("RESULT", "a - a^2"))
    assert squared[-2][0] == "not checked" and "superscript" in squared[-2][1], squared


BY_DERIVATIVE = r"""The output layer applies the softmax (figure 2), a sum over the classes
$k \in C$.

$$\frac{\partial a_{i}}{\partial z_{j}} = \frac{\partial}{\partial z_{j}}
\frac{exp(z_{i})}{\sum\limits_{k \in C}exp(z_{k})}$$

$$\frac{\partial a_{i}}{\partial z_{i}} = RESULT$$
"""


def test_an_entry_defined_by_the_derivative_that_opens_its_chain() -> None:
    # real round 77: a_i never defined but by ∂a_i/∂z_j = ∂/∂z_j (softmax): a is the softmax
    steps = judged(BY_DERIVATIVE.replace("RESULT", "a_{i}(1 - a_{i})"))
    assert steps == [("holds", "holds")], steps  # (the first step: a_i's definition)
    slip = judged(BY_DERIVATIVE.replace("RESULT", "a_{i}(1 + a_{i})"))
    assert slip[0][0] == "fails", slip
    # a defined elsewhere: the derivative is a step, no definition
    defined = "Let $a_i = \\sigma(z_i)$.\n\n" + BY_DERIVATIVE.replace("RESULT", "a_{i}(1 - a_{i})")
    assert len(judged(defined)) == 2, judged(defined)
    # an operand with another free index than a's: not a definition of a_i
    other = BY_DERIVATIVE.replace("exp(z_{i})}{", "exp(z_{j})}{").replace("RESULT", "a_i")
    assert len(judged(other)) == 2, judged(other)


def test_a_sum_over_the_set_of_classes_is_the_sum_over_every_class() -> None:
    text = r"""Let $a_i = \frac{e^{z_i}}{\sum_{k \in SET} e^{z_k}}$, a sum
over the classes $k \in SET$.

$$\frac{\partial a_i}{\partial z_i} = RESULT$$
"""
    for every in ("C", r"\mathcal{C}", "[K]", r"\{1, \dots, K\}"):
        steps = judged(text.replace("SET", every).replace("RESULT", "a_i(1 - a_i)"))
        assert steps[-1][0] == "holds", (every, steps)
        slip = judged(text.replace("SET", every).replace("RESULT", "a_i(1 + a_i)"))
        assert slip[-1][0] == "fails", (every, slip)
    # a set that may be a part of the classes: not read (review 72c)
    steps = judged(text.replace("SET", "S").replace("RESULT", "a_i(1 - a_i)"))
    assert steps[-1][0] == "not checked", steps
    part = r"""Let $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and let $C$ be the set of correct classes
of the image, a subset of the classes.

$$\sum_{k \in C} p_k = 1$$
"""
    assert judged(part)[0][0] == "not checked", judged(part)


def test_soft_labels_given_another_total_elsewhere_or_in_words() -> None:
    # review 72b: the count in the next sentence, a total written out, a total in words,
    # values after other words: the convention gives way (flagged, or not judged)
    for words in (
        r"We train with soft labels $t$. Here $t_k$ is how many of the five annotators chose it.",
        r"The soft labels $t_k$ satisfy $t_1 + t_2 + t_3 = 5$.",
        r"We use soft labels $t$ (the $t_k$ add up to 100).",
        r"We use soft labels $t$; one image got $t = (3, 1, 1)$.",
    ):
        verdict = _soft(words)
        assert verdict[0] != "holds" or "does not state" in verdict[1], (words, verdict)
    # a sum to one said beside the words of scores stands (the twins hold)
    for words in (
        r"The soft targets $t$ are softmax scores, so $\sum_k t_k = 1$.",
        r"The soft labels $t$ satisfy $\sum_k t_k = 1.0$.",
        r"The soft targets $t$ come from the teacher's logits passed through a softmax.",
    ):
        verdict = _soft(words)
        assert verdict[0] == "holds" and "does not state" not in verdict[1], (words, verdict)


def test_the_case_after_a_display_never_reaches_across_two_cases_or_a_case_said_before() -> None:
    pair = r"""Let $s_i = e^{x_i} / \sum_k e^{x_k}$. Then

$$\frac{\partial s_i}{\partial x_j} = s_i(1 - s_j),
\qquad \frac{\partial s_i}{\partial x_j} = -s_i s_j$$
when $i = j$ and when $i \neq j$, respectively.
"""
    assert all(verdict[0] != "fails" for verdict in judged(pair)), judged(pair)
    diagonal = r"""Let $s_i = e^{x_i} / \sum_k e^{x_k}$. On the diagonal the quotient rule gives

$$\frac{\partial s_i}{\partial x_j} = s_i(1 - s_j)$$
for $i \neq j$, and only the denominator depends on $x_j$.
"""
    assert judged(diagonal)[0][0] != "fails", judged(diagonal)


def test_more_ways_of_saying_a_value_exists() -> None:
    for words in (
        "At some",
        "For a suitable",
        "There is",
        "We can pick",
        "有一点",
    ):
        steps = _mean_value(words + " ")
        assert steps[0][0] == "not checked", (words, steps)


TEMPERATURE = r"""The student's softmax at temperature $T$ is

$$q_i^{T} = \frac{e^{z_i/T}}{\sum_{k=1}^{N} e^{z_k/T}}$$

$$\frac{\partial q^T_i}{\partial z_k} = RESULT$$
"""


def test_a_softmax_labelled_by_its_temperature() -> None:
    # q_i^T, q^T_i of a text that divides by T: the softmax at temperature T, not a transpose
    right = judged(TEMPERATURE.replace("RESULT", r"\frac{1}{T} q^T_i(\delta_{ik} - q_k^T)"))
    assert right == [("holds", "holds")], right
    slip = judged(TEMPERATURE.replace("RESULT", r"q^T_i(\delta_{ik} - q_k^T)"))
    assert slip[0][0] == "fails", slip
    # beside the same softmax at temperature 1, q^1_i: two names
    both = TEMPERATURE.replace("RESULT", r"\frac{1}{T} q^T_i(\delta_{ik} - q_k^T)") + (
        "\nand at temperature one $q_i^{1} = \\frac{e^{z_i}}{\\sum_{k=1}^{N} e^{z_k}}$, so\n\n"
        "$$\\frac{\\partial q^1_i}{\\partial z_k} = q^1_i(\\delta_{ik} - q_k^1)$$\n"
    )
    assert [verdict[0] for verdict in judged(both)] == ["holds", "holds"], judged(both)
    # a letter also written without the label: the label may be a transpose, not read
    plain = TEMPERATURE.replace("RESULT", r"\frac{1}{T} q^T_i(\delta_{ik} - q_k^T)") + (
        "\nwhere $\\sum_i q_i = 1$.\n"
    )
    assert judged(plain)[0][0] == "not checked", judged(plain)


OUTPUT_LAYER = r"""The error function used in the output layer is the cross entropy,
$$L(y,\hat{y})=-\sum_i y_i \log(\hat{y}_i).$$

WORDS

$$\sigma(z_i) = \frac{e^{z_i}}{\sum_{k=1}^K e^{z_k}}.$$

With a one-hot $y$ they give the gradient

$$\frac{\partial L}{\partial z_i} = RESULT$$
"""


def test_a_prediction_the_words_call_the_softmax_output() -> None:
    # real round 76: ŷ never defined, the output layer's activation the softmax
    for words in (
        "The activation function for the output layer is the _Softmax_ function",
        r"Here $\hat{y}$ is the output of the softmax",
    ):
        text = OUTPUT_LAYER.replace("WORDS", words)
        right = judged(text.replace("RESULT", r"\sigma(z_i)-y_i"))
        assert right[0][0] == "holds", (words, right)
        slip = judged(text.replace("RESULT", r"y_i-\sigma(z_i)"))
        assert slip[0][0] == "fails", (words, slip)
    # the twin: nothing says what ŷ is, nothing is judged
    unsaid = OUTPUT_LAYER.replace("WORDS", "The softmax is").replace("RESULT", r"\sigma(z_i)-y_i")
    assert judged(unsaid)[0][0] == "not checked", judged(unsaid)


def test_a_note_in_brackets_at_the_end_of_a_row_is_no_part_of_it() -> None:
    text = r"""Let $\sigma(x) = \frac{1}{1+e^{-x}}$.

\(\begin{align} \frac{d}{dx}\sigma(x) & = \frac{d}{dx}\big( 1+ e^{-x} \big) ^{-1}
\quad[\text{apply chain rule}]\\ & = RESULT \quad[\text{apply sum rule}] \end{align}\)
"""
    right = judged(text.replace("RESULT", r"-(1 + e^{-x})^{-2} \cdot \frac{d}{dx}(1+e^{-x})"))
    assert [verdict[0] for verdict in right] == ["holds", "holds"], right
    slip = judged(text.replace("RESULT", r"(1 + e^{-x})^{-2} \cdot \frac{d}{dx}(1+e^{-x})"))
    assert slip[1][0] == "fails", slip


def test_an_entry_said_otherwise_or_a_typo_is_not_defined_by_its_derivative() -> None:
    # review 72c: a given another meaning, or an opening operand that is no softmax
    opening = r"""$$\frac{\partial a_i}{\partial z_j} = \frac{\partial}{\partial z_j} OPERAND
= a_i(\delta_{ij} - a_j)$$
"""
    softmax = r"\frac{e^{z_i}}{\sum_k e^{z_k}}"
    for before in (
        r"Let $\mathbf{a} = \sigma(\mathbf{z})$, the sigmoid applied element-wise.",
        r"Here $a_i$ is the sigmoid of $z_i$.",
        r"Here $a_i \equiv \sigma(z_i)$, the sigmoid of the $i$-th logit.",
    ):
        steps = judged(before + "\n\n" + opening.replace("OPERAND", softmax))
        assert all(verdict[0] != "holds" for verdict in steps), (before, steps)
    typo = judged(opening.replace("OPERAND", r"\frac{e^{z_i}}{\sum_k e^{z_i}}"))
    assert all(verdict[0] == "not checked" for verdict in typo), typo
    # the twin: nothing else said of a, the softmax Jacobian holds
    assert judged(opening.replace("OPERAND", softmax)) == [("holds", "holds")]


def test_soft_labels_that_are_shares_or_entries_above_one() -> None:
    assert _soft(r"The soft labels $t_k$ are the fractions of the annotators who chose $k$.")[
        0
    ] == ("holds")
    verdict = _soft(r"We use soft labels $t$ with $t_1 = 1.5$, $t_2 = 0.5$, $t_3 = 1$.")
    assert verdict[0] != "holds" or "does not state" in verdict[1], verdict


def test_a_function_applied_to_a_letter_its_own_definition_writes() -> None:
    # real round 79: f(x) = e^x / (e^x + e^y), then f(y): the two outputs swapped, or y put in
    # twice? (read literally it was a false flag)
    text = r"""$$f(x) = \frac{e^x}{e^x + e^y}$$

$$\frac{d f(x)}{dy} = - \frac{e^x}{e^x + e^y} \cdot \frac{e^y}{e^x+e^y} = RESULT$$
"""
    swapped = judged(text.replace("RESULT", r"- f(x) \cdot f(y)"))
    assert swapped[0][0] == "holds" and swapped[1][0] == "not checked", swapped
    # the twin: a wrong step that writes no f(y) is still flagged
    slip = judged(text.replace("RESULT", r"- f(x) \cdot (1 - f(x))"))
    assert slip[1][0] == "holds", slip
    wrong = judged(text.replace("RESULT", r"f(x) \cdot (1 - f(x))"))
    assert wrong[1][0] == "fails", wrong


def test_review_72d_readings_keep_to_what_the_words_say() -> None:
    sums = r"""Let $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$, and $C$ is the set of classes WHICH.

$$\sum_{k \in C} p_k = 1$$
"""
    assert judged(sums.replace("WHICH", "present in the image"))[0][0] == "not checked"
    # the twin: the set said to be every class, the sum of the probabilities holds
    every = sums.replace(" WHICH", "").replace("the set of classes", "the set of classes")
    assert judged(every)[0][0] == "holds", judged(every)
    # a qualifier after "the softmax", or a sentence that denies it: no reading of ŷ
    for words in (
        r"Here $\hat{y}$ is the output of the softmax at temperature $T$",
        "A common misconception is that the activation function for the output layer is the "
        "softmax",
    ):
        text = OUTPUT_LAYER.replace("WORDS", words).replace("RESULT", r"y_i-\sigma(z_i)")
        assert judged(text)[0][0] == "not checked", (words, judged(text))
    # a power p^T beside 1/T is no temperature label
    power = r"""A sequence of $T$ tokens has probability $p^T$.

$$\frac{\partial}{\partial T}\left(\frac{1}{T}\log p^T\right) = 0$$
"""
    assert judged(power)[0][0] != "fails", judged(power)
    # the derivative that opens a chain defines no a the words call something else
    opening = r"""WORDS

$$\frac{\partial a_i}{\partial z_j} = \frac{\partial}{\partial z_j} \frac{e^{z_i}}{\sum_k e^{z_k}}
= a_i(\delta_{ij} - a_j)$$
"""
    for words in (
        r"The layer applies the logistic function to each input, giving the activations $a_i$.",
        r"Ici $a_i$ est la sigmoïde de $z_i$.",
    ):
        steps = judged(opening.replace("WORDS", words))
        assert all(verdict[0] != "holds" for verdict in steps), (words, steps)
    # soft targets: counts with a mean loss, and entries that sum above one
    for words in (
        "The soft labels $t$ are the raw vote counts of five annotators, and we report the mean "
        "loss.",
        r"The soft labels are $t_1 = 0.9$, $t_2 = 0.8$, $t_3 = 0.1$.",
    ):
        verdict = _soft(words)
        assert verdict[0] != "holds" or "does not state" in verdict[1], (words, verdict)


def test_the_case_after_a_display_beside_the_other_case_s_value() -> None:
    # "for $j \neq k$, and $p_k - 1$ for the true class": the other case's value, no condition
    text = r"""Let $p_i = \frac{e^{z_i}}{\sum_l e^{z_l}}$ and $L = -\log p_k$, where $k$ is the
true class.

The gradient is

$$\frac{\partial L}{\partial z_j} = ENTRY$$
for $j \neq k$, and $p_k - 1$ for the true class.
"""
    assert judged(text.replace("ENTRY", "p_j")) == [("holds", "holds when j ≠ k")]
    wrong = judged(text.replace("ENTRY", "p_j - 1"))
    assert wrong[0][0] == "fails" and "the case said after it" in wrong[0][1], wrong
    # a second condition after "and" is no value: not read as the case
    both = judged(text.replace("ENTRY", "p_j - 1").replace("$p_k - 1$", "$j = 1$"))
    assert both[0][0] != "fails", both


def test_review_72e_more_ways_of_saying_counts_totals_existence_and_cases() -> None:
    for words in (
        r"The soft labels $t_k$ are the votes that class $k$ got from the five annotators.",
        r"The soft labels are tallies; $\|t\|_1 = 4$.",
        r"We use soft labels $\mathbf{t} = (3, 1, 1)$.",
    ):
        verdict = _soft(words)
        assert verdict[0] != "holds" or "does not state" in verdict[1], (words, verdict)
    # a total the text states keeps a counterexample that breaks it from being a flag
    tallies = SOFT.replace("WORDS", "The soft labels $t$ are tallies, so they add up to five.")
    five = judged(tallies.replace("= q_j - t_j$$", "= 5 q_j - t_j$$"))
    assert five[0][0] == "not checked" and "Σ t = five" in five[0][1], five
    for words in ("Es gibt ein", "Hay un", "With some", "For at least one", "There is a unique"):
        assert _mean_value(words + " ")[0][0] == "not checked", words
    times = ONE_HOT.replace("WORDS", r"The label $y$ is the $c$-th basis vector times three.")
    assert "does not state" in judged(times)[0][1], judged(times)
    lead = AFTER.replace(
        "The entries of the Jacobian are", "Differentiating by its own logit gives"
    )
    diag = judged(lead.replace("ENTRY", "s_i(1 - s_j)").replace("CASE", "for $i \\neq j$, and"))
    assert diag[0][0] != "fails", diag


def test_review_72f_totals_counts_and_existence_in_more_words() -> None:
    for words in (
        r"The soft labels $t_k$ sum to six.",
        r"The soft labels $t_k$ total 5 over the classes.",
        r"The soft labels satisfy $\mathbf{1}^\top t = 5$.",
        r"We use soft labels $t$, los votos de cada clase.",
        r"We train on soft labels $t$. Each $t_k$ is a vote total from the five annotators.",
    ):
        verdict = _soft(words)
        assert verdict[0] != "holds" or "does not state" in verdict[1], (words, verdict)
    for words in ("There must be a", "Esiste un"):
        assert _mean_value(words + " ")[0][0] == "not checked", words
    exists = MEAN_VALUE.replace("WORDS $c \\in (0, 1)$ with", r"So $\exists\, c \in (0, 1)$ with")
    assert judged(exists)[0][0] == "not checked", judged(exists)
    minus = ONE_HOT.replace(
        "WORDS", r"The target $y$ is the $c$-th basis vector minus $\frac{1}{K}$ in every entry."
    )
    assert "does not state" in judged(minus)[0][1], judged(minus)


def test_a_set_of_classes_a_later_sentence_narrows_is_not_every_class() -> None:
    text = r"""Let $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$, and $C$ is the set of classes.
LATER

$$\sum_{k \in C} p_k = 1$$
"""
    assert judged(text.replace("LATER", ""))[0][0] == "holds"
    for later in (r"We remove the background class from $C$.", r"Here $C = \{1, 2\}$."):
        assert judged(text.replace("LATER", later))[0][0] == "not checked", later


def test_review_72f_leads_and_later_sentences() -> None:
    # a lead naming the diagonal in other words keeps the case after the display from a flag
    lead = AFTER.replace("The entries of the Jacobian are", "With matching indices we get")
    diag = judged(lead.replace("ENTRY", "s_i(1 - s_j)").replace("CASE", "for $i \\neq j$, and"))
    assert diag[0][0] != "fails", diag
    # another function named after the opening derivative, in its section: no definition of a
    opening = r"""$$\frac{\partial a_i}{\partial z_j} = \frac{\partial}{\partial z_j}
\frac{e^{z_i}}{\sum_k e^{z_k}} = a_i(\delta_{ij} - a_j)$$

The outputs were computed by the logistic function.
"""
    steps = judged(opening)
    assert all(verdict[0] != "holds" for verdict in steps), steps
    # the twin: the softmax named there, the Jacobian holds
    assert judged(opening.replace("logistic function", "softmax")) == [("holds", "holds")]
