"""Session 79's readings; each rule that changes a verdict has a twin with a plausible wrong
formula (or without the words it reads) whose verdict is checked too."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


ONE_HOT_AT = (
    r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_i y_i \log p_i$, where {said}."
    "\n\nThen\n\n$$L = -\\log p_k$$\n\nand\n\n$$\\frac{\\partial L}{\\partial z_k} = {grad}$$\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "$y$ is one-hot at class $k$",
        r"$\mathbf{y}$ is a one-hot vector with its 1 at index $k$",
        "the target $y$ is one-hot encoded at the true class $k$",
    ],
)
def test_targets_one_hot_at_a_class_said_in_words(said: str) -> None:
    text = ONE_HOT_AT.replace("{said}", said)
    assert statuses(text.replace("{grad}", "p_k - 1")) == ["holds", "holds"]
    # a sign slip is refuted, and a loss without its minus
    assert statuses(text.replace("{grad}", "1 - p_k")) == ["holds", "fails"]
    assert statuses(text.replace("{grad}", "p_k - 1").replace("L = -\\log", "L = \\log")) == [
        "fails",
        "holds",
    ]
    # at another class the reduction holds only in the case the words name
    other = text.replace("{grad}", "p_k - 1").replace(" $k$", " $c$", 1)
    assert statuses(other) == ["holds only"] * 2


BCE_CASES = (
    r"Let $\hat{y} = \sigma(z)$ with $\sigma(z) = \frac{1}{1+e^{-z}}$ and the loss "
    r"$L = -y\log\hat{y} - (1-y)\log(1-\hat{y})$." + "\n\n{lead} the loss is\n\n$$L = {loss}$$\n"
)


@pytest.mark.parametrize(
    ("lead", "right", "wrong"),
    [
        ("When the label is 0,", r"-\log(1 - \hat{y})", r"-\log \hat{y}"),
        ("For a negative example,", r"-\log(1 - \hat{y})", r"-\log(\hat{y})"),
        ("If the target is 1,", r"-\log \hat{y}", r"-\log(1 - \hat{y})"),
        ("For a positive example", r"-\log \hat{y}", r"\log \hat{y}"),
    ],
)
def test_a_label_case_said_in_words_is_that_case(lead: str, right: str, wrong: str) -> None:
    text = BCE_CASES.replace("{lead}", lead)
    value = "1" if "1" in lead or "positive" in lead else "0"
    held = check_document(text.replace("{loss}", right)).steps[-1]
    assert (held.status, held.summary) == ("holds", f"holds when y = {value}, as the text says")
    flagged = check_document(text.replace("{loss}", wrong)).steps[-1]
    assert flagged.status == "fails"
    # the counterexample is in the case the words name
    assert flagged.summary.endswith(f"at y = {value}")


@pytest.mark.parametrize("lead", ["Unless the label is 0,", "When the label is 0 or 1,"])
def test_label_words_that_name_no_single_case_decide_nothing(lead: str) -> None:
    text = BCE_CASES.replace("{lead}", lead).replace("{loss}", r"-\log(1 - \hat{y})")
    assert statuses(text)[-1] == "not checked"


def test_a_function_applied_to_its_own_value_is_not_read_as_a_call() -> None:
    """``p(1-p)`` beside ``p(z) = σ(z)``: p times 1 − p, most likely; never p at 1 − p
    (round 96: a focal-loss post's sigmoid derivative was flagged)."""
    text = (
        "Our third term is the derivative of a sigmoid function "
        r"$p(z) = \frac{1}{1+e^{-z}}$ which is just:"
        + "\n\n$$\n\\frac{\\partial p}{\\partial z} = "
    )
    assert statuses(text + "p(1-p)\n$$\n") == ["not checked"]
    # a call at another argument is still read, and a wrong one refuted
    assert statuses(text + "p(z)(1-p(z))\n$$\n") == ["holds"]
    assert statuses(text + "p(z)(1+p(z))\n$$\n") == ["fails"]


OPTIMUM = (
    r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ over $K$ classes, and smooth the one-hot target "
    r"$y$ with $\varepsilon$: $q_k = (1-\varepsilon) y_k + \varepsilon / K$." + "\n\n{words}\n\n"
    "$$\nz_c - z_o = \\log\\frac{K - \\varepsilon (K-1)}{\\varepsilon}\n$$\n"
)


def test_values_at_an_optimum_are_no_identity() -> None:
    said = (
        r"The loss $L = -\sum_k q_k \log p_k$ is minimised at $p = q$, so the ideal logit gap "
        r"between the correct class $c$ and another class $o$ is"
    )
    result = check_document(OPTIMUM.replace("{words}", said)).steps[-1]
    assert result.status == "not checked" and "optimum" in result.summary
    # without the words of an optimum the same equation is refuted
    plain = r"For the correct class $c$ and another class $o$ we have"
    assert statuses(OPTIMUM.replace("{words}", plain))[-1] == "fails"


HARD_LABELS = (
    r"Let $p_i = \frac{e^{z_i}}{\sum_{k} e^{z_k}}$ and $L = -\sum_k y_k \log p_k$." + "\n\n"
    "{said}\n\n$$\\frac{\\partial L}{\\partial z_i} = p_i \\sum_k y_k - y_i = {right}$$\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "The components of $y$ are all zero except one, which equals one.",
        "The label vector $y$ has one entry equal to 1 and $K - 1$ entries equal to 0.",
        "Exactly one of the $y_k$ is nonzero, and it equals 1.",
    ],
)
def test_one_hot_said_by_its_entries(said: str) -> None:
    text = HARD_LABELS.replace("{said}", said)
    held = check_document(text.replace("{right}", "p_i - y_i")).steps
    assert [s.summary for s in held] == ["holds", "holds given Σ_j y_j = 1"]
    # a sign slip is refuted all the same
    assert statuses(text.replace("{right}", "y_i - p_i"))[-1] == "fails"
    # without the sentence the step needs a hypothesis the document does not state
    bare = check_document(HARD_LABELS.replace("{said}", "").replace("{right}", "p_i - y_i"))
    assert bare.steps[-1].summary.startswith("uses Σ_j y_j = 1, which the document does not")


JACOBIAN = (
    r"Softmax: $s_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$."
    + "\n\n$$\\frac{\\partial s_i}{\\partial a_j} = {right}$$\n\n{remark}\n"
)


@pytest.mark.parametrize(
    "remark",
    [
        r"Note that this only holds for $i \neq j$.",
        r"(for $i \neq j$)",
        r"Of course, this assumes $i \neq j$.",
        r"I assumed $j \ne i$ here.",
        "The above is for the off-diagonal entries.",
        "This is the off-diagonal case.",
    ],
)
def test_a_case_said_in_a_remark_after_the_display(remark: str) -> None:
    text = JACOBIAN.replace("{remark}", remark)
    held = check_document(text.replace("{right}", "-s_i s_j")).steps[-1]
    assert (held.status, held.summary) == ("holds", "holds when i ≠ j, as the words after it say")
    # the diagonal's formula under a remark that names the off-diagonal case: flagged
    assert statuses(text.replace("{right}", "s_i(1 - s_j)"))[-1] == "holds only"
    # a sign slip fails in every case
    assert statuses(text.replace("{right}", "s_i s_j"))[-1] == "fails"


@pytest.mark.parametrize(
    "remark",
    [
        r"Note that this does not hold for $i \neq j$.",
        r"This holds for all $i$ and $j$, not only $i \neq j$.",
        r"This holds for $i \neq j$."
        + "\n\n$$\\frac{\\partial s_i}{\\partial a_i} = s_i(1 - s_i)$$",
    ],
)
def test_remarks_that_deny_widen_or_lead_on_name_no_case(remark: str) -> None:
    text = JACOBIAN.replace("{remark}", remark)
    result = check_document(text.replace("{right}", "-s_i s_j")).steps[0]
    assert result.status != "holds"


CLASS_LEAD = (
    r"With $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and $L = -\log p_c$." + "\n\n{lead}\n\n"
    "$$\\frac{\\partial L}{\\partial z_k} = {right}$$\n\n{after}"
)


@pytest.mark.parametrize(
    ("lead", "after"),
    [
        ("Unless $k$ is the true class,", ""),
        ("When $k$ is anything but the true class,", ""),
        (r"For $k \in \{1, \dots, K\} \setminus \{c\}$:", ""),
        ("", "(This is the case where $k$ is not the label.)"),
    ],
)
def test_the_other_classes_said_in_words(lead: str, after: str) -> None:
    text = CLASS_LEAD.replace("{lead}", lead).replace("{after}", after)
    assert not check_document(text.replace("{right}", "p_k")).steps[-1].flagged
    # the true class's formula for the other classes: flagged, or (a case led by its own line,
    # as for "For $k \neq c$:") withheld as failing in the case the words name
    twin = check_document(text.replace("{right}", "p_k - 1")).steps[-1]
    assert twin.status == "holds only" or "fails when c ≠ k" in twin.summary


@pytest.mark.parametrize("written", [r"\mathbb{1}[k = c]", r"\mathbb{I}[k=c]"])
def test_an_indicator_in_square_brackets(written: str) -> None:
    text = HARD_LABELS.replace("{said}", f"The targets are hard labels, $y_k = {written}$.")
    assert statuses(text.replace("{right}", "p_i - y_i")) == ["holds", "holds"]
    assert statuses(text.replace("{right}", "y_i - p_i")) == ["holds", "fails"]


@pytest.mark.parametrize(
    "said",
    [
        "$y = e_c$, the $c$-th standard basis vector.",
        "The target is a class index encoded as an indicator vector $y$.",
    ],
)
def test_targets_said_one_hot_in_a_way_not_read_withhold_the_hypothesis(said: str) -> None:
    text = HARD_LABELS.replace("{said}", said).replace("{right}", "p_i - y_i")
    assert not check_document(text).steps[-1].flagged
    # a sign slip is refuted all the same (with y = e_c, a definition not read, it is no
    # more than not checked: never said to hold)
    slip = statuses(text.replace("= p_i - y_i", "= y_i - p_i"))[-1]
    assert slip == ("fails" if "indicator" in said else "not checked")


def test_sigma_said_to_be_another_function_instead_is_not_the_logistic() -> None:
    text = (
        r"Let $\sigma(x) = \frac{1}{1+e^{-x}}$."
        + "\n\n$$\\sigma'(x) = {first}$$\n\n## Softplus\n\n"
        r"In this section $\sigma(x)$ denotes the softplus $\log(1 + e^x)$ instead."
        + "\n\n$$\\sigma'(x) = \\frac{1}{1 + e^{-x}}$$\n"
    )
    right = text.replace("{first}", r"\sigma(x)(1 - \sigma(x))")
    assert statuses(right) == ["not checked", "not checked"]
    # without the sentence the logistic σ is read: its derivative holds, the softplus's fails
    plain = right.replace("denotes the softplus $\\log(1 + e^x)$ instead", "is as before")
    assert statuses(plain) == ["holds", "fails"]


@pytest.mark.parametrize(
    "remark",
    [
        r"This holds for $i \neq j$ too.",
        r"We showed this earlier for $i \neq j$. Here it is for all $i, j$.",
        "This extends the off-diagonal case to the whole matrix.",
        r"This is for $i \neq j$; the same on the diagonal.",
        r"Note that this only holds for $i \neq j$ is a common misconception.",
    ],
)
def test_remarks_that_widen_the_claim_leave_the_flag(remark: str) -> None:
    """Review 79b: each made the general (false) claim "hold when i ≠ j"."""
    text = JACOBIAN.replace("{remark}", remark).replace("{right}", "-s_i s_j")
    assert check_document(text).steps[-1].status == "holds only"


@pytest.mark.parametrize(
    "remark",
    [
        r"(valid for $i \neq j$ only)",
        "This is only valid off the diagonal.",
        "Here $i$ and $j$ are different.",
    ],
)
def test_more_remarks_that_name_the_case(remark: str) -> None:
    text = JACOBIAN.replace("{remark}", remark)
    assert check_document(text.replace("{right}", "-s_i s_j")).steps[-1].status == "holds"
    assert check_document(text.replace("{right}", "s_i s_j")).steps[-1].status == "fails"


def test_a_case_said_before_the_display_is_not_overruled_by_a_remark() -> None:
    text = (
        r"Let $s_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$. My first try at the diagonal entry gave"
        "\n\n$$\\frac{\\partial s_i}{\\partial a_j} = -s_i s_j$$\n\n"
        r"If $i \neq j$ this would be right." + "\n"
    )
    assert check_document(text).steps[-1].status != "holds"


@pytest.mark.parametrize(
    "lead",
    [
        "Unlike when the label is 1, here",
        "When the label is 1 we already know the answer; for the remaining examples",
        "(we did the case when the label is 1 above)",
    ],
)
def test_a_label_case_set_against_the_display_is_not_its_case(lead: str) -> None:
    text = BCE_CASES.replace("{lead}", lead).replace("{loss}", r"-\log \hat{y}")
    assert check_document(text).steps[-1].status != "holds"


def test_one_hot_called_a_mistake_is_no_hypothesis() -> None:
    for said in ("is one-hot at class $c$", "is one-hot"):
        text = HARD_LABELS.replace(
            "{said}", f"A common mistake is to assume $y$ {said}; here the $y_k$ add up to $2$."
        )
        assert (
            not check_document(text.replace("{right}", "p_i - y_i"))
            .steps[-1]
            .summary.startswith("holds")
        )


@pytest.mark.parametrize(
    "lead",
    [
        "For the true class itself,",
        "Unless $k$ is the true class, the gradient is $p_k$. When it is the true class,",
    ],
)
def test_the_true_class_named_without_a_letter_keeps_the_other_case_from_flagging(
    lead: str,
) -> None:
    text = CLASS_LEAD.replace("{lead}", lead).replace("{after}", "")
    assert check_document(text.replace("{right}", "p_k - 1")).steps[-1].status == "not checked"
    # a sign slip fails in that case too
    assert check_document(text.replace("{right}", "1 - p_k")).steps[-1].flagged


QUOTIENT = (
    r"Let $y_i = \frac{e^{x_i}}{\sum_k e^{x_k}}$." + "\n\n$$\\begin{aligned}\n"
    r"\frac{\partial y_i}{\partial x_i} =& \frac{\partial}{\partial x_i}"
    r"(\frac{e^{x_i}}{\sum_k e^{x_k}}) \\" + "\n"
    r"=& \frac{(e^{x_i})^{'}(\sum_k e^{x_k}) SIGN e^{x_i}(\sum_k e^{x_k})^{'}}"
    r"{(\sum_k e^{x_k})^{2}}"
    "\n\\end{aligned}$$\n"
)


def test_a_prime_written_in_braces_is_a_prime() -> None:
    """``(e^{x_i})^{'}`` (round 95: a Chinese post's quotient rule)."""
    assert statuses(QUOTIENT.replace("SIGN", "-")) == ["holds", "holds"]
    assert statuses(QUOTIENT.replace("SIGN", "+")) == ["holds", "fails"]


def test_a_remark_covers_every_step_of_its_chain_and_nothing_after_it() -> None:
    """Review 79c: a remark after a chain was read for its last step only; and a following
    sentence ("For $i = j$ nothing changes.") widened the claim but let it hold."""
    chain = (
        r"Let $s_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$."
        + "\n\n$$\\frac{\\partial s_i}{\\partial a_j}"
        r" = \frac{-e^{a_i} e^{a_j}}{\left(\sum_k e^{a_k}\right)^2} = -s_i s_j$$" + "\n\n{remark}\n"
    )
    held = check_document(chain.replace("{remark}", r"(for $i \neq j$)")).steps
    assert [s.status for s in held] == ["holds", "holds"]
    widened = chain.replace("{remark}", r"This is for $i \neq j$. For $i = j$ nothing changes.")
    assert check_document(widened).steps[0].status == "holds only"


@pytest.mark.parametrize(
    "lead",
    [
        "For a positive example the gradient is $\\hat{y} - 1$, and for a negative one it is",
        "If the target is 1 the gradient is $\\hat{y} - 1$, otherwise it is",
    ],
)
def test_a_label_case_in_an_earlier_clause_is_not_the_displays(lead: str) -> None:
    text = (
        r"Let $\hat{y} = \sigma(z)$ with $\sigma(z) = \frac{1}{1+e^{-z}}$ and the loss "
        r"$L = -y\log\hat{y} - (1-y)\log(1-\hat{y})$." + f"\n\n{lead}\n\n"
        "$$\\frac{\\partial L}{\\partial z} = \\hat{y} - 1$$\n"
    )
    assert check_document(text).steps[-1].status != "holds"


def test_sigma_written_for_tanh_instead_of_the_logistic() -> None:
    text = (
        r"Here $\sigma$ stands for $\tanh$ instead of the logistic sigmoid. Then"
        "\n\n$$\\sigma'(z) = {right}$$\n"
    )
    for right in (r"\sigma(z)(1 - \sigma(z))", r"1 - \sigma(z)^2"):
        assert statuses(text.replace("{right}", right)) == ["not checked"]
    # the logistic σ said as such: its derivative holds, tanh's fails
    logistic = text.replace(r"for $\tanh$ instead of the logistic sigmoid", "for the sigmoid")
    assert statuses(logistic.replace("{right}", r"\sigma(z)(1 - \sigma(z))")) == ["holds"]
    assert statuses(logistic.replace("{right}", r"1 - \sigma(z)^2")) == ["fails"]


def test_targets_all_zero_except_a_one_at_a_position() -> None:
    text = (
        r"Let $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$. The target "
        r"$y$ is all zero except a one at position $k$, so" + "\n\n$$L = {right}$$\n"
    )
    assert statuses(text.replace("{right}", r"-\log p_k")) == ["holds"]
    assert statuses(text.replace("{right}", r"\log p_k")) == ["fails"]


def test_the_true_class_lead_before_a_chain_with_a_sum() -> None:
    text = CLASS_LEAD.replace("{lead}", "For the true class itself,").replace("{after}", "")
    text = text.replace(
        "= {right}$$",
        r"= \sum_j \frac{\partial L}{\partial p_j} \frac{\partial p_j}{\partial z_k} = {right}$$",
    )
    assert not any(s.flagged for s in check_document(text.replace("{right}", "p_k - 1")).steps)
    assert check_document(text.replace("{right}", "1 - p_k")).steps[-1].flagged
