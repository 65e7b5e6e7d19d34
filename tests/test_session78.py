"""Session 78's readings (review 77d's false verdicts); each rule that withholds a verdict has a
twin without the words it reads, whose verdict stands."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

BCE = (
    r"Let $\hat{y} = \sigma(z)$, $\sigma(x) = \frac{1}{1+e^{-x}}$, and "
    r"$L = -y\log\hat{y} - (1-y)\log(1-\hat{y})$." + "\n\n"
)
QUADRATIC = r"Let $a = \sigma(z)$, $\sigma(x) = \frac{1}{1+e^{-x}}$, $C = \frac{1}{2}(a - y)^2$."


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


def last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize("step", [r"a - y", r"(a - y) a (1 - a)"])
def test_words_that_switch_the_cost_withhold_every_verdict(step: str) -> None:
    derivative = f"$$\\frac{{\\partial C}}{{\\partial z}} = {step}$$\n"
    switched = f"{QUADRATIC}\n\nWe now switch to the cross-entropy cost.\n\n{derivative}"
    assert last(switched).status == "not checked"
    assert "change the setting" in last(switched).summary
    kept = switched.replace("We now switch to the cross-entropy cost.", "Then")
    expected = "fails" if step == "a - y" else "holds"
    assert last(kept).status == expected  # the quadratic cost's derivative: (a − y) a (1 − a)


def test_a_value_given_anew_in_words_withholds_the_verdict() -> None:
    first = (
        r"Let $p = \sigma(z)$, $\sigma(x) = \frac{1}{1+e^{-x}}$, $L = -y\log p - (1-y)\log(1-p)$."
        "\n\n$$\\frac{\\partial L}{\\partial z} = p - y$$\n\n"
    )
    supposed = first + "Next, suppose the output unit is linear, $p = z$, with the same loss.\n\n"
    supposed += "$$\\frac{\\partial L}{\\partial z} = p - y$$\n"
    assert statuses(supposed) == ["holds", "not checked"]
    assert "another value" in last(supposed).summary
    # the definition said again: the step is judged (and holds)
    again = supposed.replace("suppose the output unit is linear, $p = z$,", r"with $p = \sigma(z)$")
    assert statuses(again) == ["holds", "holds"]
    wrong = again.replace("= p - y$$\n", "= y - p$$\n")
    assert statuses(wrong)[-1] == "fails"


@pytest.mark.parametrize(
    ("lead", "step", "case"),
    [
        ("If the label is positive,", r"\hat{y} - 1", "y = 1"),
        ("Pour un exemple positif :", r"\hat{y} - 1", "y = 1"),
        ("If the label is negative,", r"\hat{y}", "y = 0"),
        ("Para un ejemplo negativo:", r"\hat{y}", "y = 0"),
    ],
)
def test_a_label_said_in_words_keeps_the_other_value_from_flagging(
    lead: str, step: str, case: str
) -> None:
    said = f"{BCE}{lead}\n\n$$\\frac{{\\partial L}}{{\\partial z}} = {step}$$\n"
    if lead.startswith(("If", "Pour")):  # an English (session 79), a French (81) case lead
        assert (last(said).status, last(said).summary) == (
            "holds",
            f"holds when {case}, as the text says",
        )
    else:
        assert last(said).status == "not checked" and f"holds at {case}" in last(said).summary
    assert last(said.replace(lead, "Then")).status == "fails"
    # wrong at the value the words give too: the flag stands
    assert last(said.replace(f"= {step}$$", f"= {step} + 2$$")).status == "fails"


@pytest.mark.parametrize(
    "lead",
    ["For the true class,", "For the index of the correct label:", "Für die richtige Klasse gilt"],
)
def test_the_true_class_said_in_words_is_a_case(lead: str) -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$, $y$ one-hot, $L = -\sum_k y_k \log p_k$."
        f"\n\n{lead}\n\n$$\\frac{{\\partial L}}{{\\partial z_i}} = p_i - 1$$\n"
    )
    assert last(text).status == "not checked"
    assert last(text.replace(lead, "So")).flagged  # holds only when c = i, no case said


@pytest.mark.parametrize(
    "label", ["### Positive examples ($y = 1$)", "**Case $y = 1$.**", "### If the label is one"]
)
def test_a_definition_under_a_case_heading_is_no_new_meaning(label: str) -> None:
    general = "### Both cases together\n\n$$\\frac{\\partial L}{\\partial z} = \\hat{y} - 1$$\n"
    text = f"{BCE}{label}\n\n$$L = -\\log \\hat{{y}}$$\n\n{general}"
    assert last(text).status == "not checked"  # not "holds" under L = -log ŷ
    assert last(BCE + general).status == "fails"  # the text's L: ŷ − y


EXAMPLE = r"""Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^K e^{z_k}}$.

Example with $K = 2$ and $z = (0, 0)$:

$$p_1 = \frac{1}{2}$$

LEAD

$$\frac{\partial p_1}{\partial z_2} = -\frac{1}{4}$$

$$\frac{\partial p_1}{\partial z_2} = -p_1 p_1$$
"""


@pytest.mark.parametrize("lead", ["In general (any $K$, any $z$):", "Now for arbitrary logits:"])
def test_words_that_leave_the_example_hold_for_the_displays_after_them(lead: str) -> None:
    left = statuses(EXAMPLE.replace("LEAD", lead))
    assert left[-1] == "fails"  # -p_1 p_1 is no derivative in general
    kept = check_document(EXAMPLE.replace("LEAD", "Then:")).steps
    assert kept[-1].status == "holds" and "at the worked example" in kept[-1].summary


def test_a_scalar_example_whose_values_are_not_read_is_no_crash() -> None:
    text = (
        r"Multiclass model: $P(y=k|x) = p_k$ with $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$."
        "\n\nWith $K = 2$ and $z_2 = 0$:\n\n"
        r"$$\frac{d}{dz}\left(\log P(y=1|x)\right) = \sigma(z)$$" + "\n"
    )
    assert "could not judge" not in last(text).summary


SOFTMAX_CE = r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_j y_j \log p_j$." + "\n\n"


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        (
            r"- If $i = j$, then $\frac{\partial p_i}{\partial z_j} = p_i(1 - p_j)$.",
            r"- If $i = j$, then $\frac{\partial p_i}{\partial z_j} = p_i(1 + p_j)$.",
        ),
        (
            r"If $i \neq j$: $\frac{\partial p_i}{\partial z_j} = -p_i p_j$.",
            r"If $i \neq j$: $\frac{\partial p_i}{\partial z_j} = p_i p_j$.",
        ),
        (
            r"  - 如果 $ i = j $，则 $ \frac{\partial p_i}{\partial z_j} = p_i - p_i p_j $",
            r"  - 如果 $ i = j $，则 $ \frac{\partial p_i}{\partial z_j} = p_i + p_i p_j $",
        ),
    ],
)
def test_a_claim_in_a_sentence_led_by_its_case_is_judged_in_it(line: str, wrong: str) -> None:
    held = last(SOFTMAX_CE + line + "\n")
    assert held.status == "holds" and "when" in held.summary, held.summary
    assert last(SOFTMAX_CE + wrong + "\n").status == "fails"


def test_a_claim_led_by_the_class_in_words_is_read_and_never_flagged_for_the_other_case() -> None:
    line = r"For the correct class $k$: $\frac{\partial L}{\partial z_k} = p_k - 1$."
    read = last(SOFTMAX_CE + line + "\n")
    assert read.status == "not checked" and read.summary.startswith("not checked: ambiguous")
    wrong = last(SOFTMAX_CE + line.replace("p_k - 1", "1 - p_k") + "\n")
    assert wrong.status != "holds"


def test_a_chain_that_goes_on_after_a_closing_double_dollar_is_one_display() -> None:
    text = SOFTMAX_CE + (
        r"$$\frac{\partial p_i}{\partial z_i} = p_i - p_i^2$$ = p_i(1 - p_i)$$" + "\n\n"
        r"$$\frac{\partial p_i}{\partial z_j} = -p_i p_j$$" + "\n"
    )
    steps = check_document(text).steps
    assert [(s.line, s.status) for s in steps[-3:-1]] == [(3, "holds"), (3, "holds")]
    assert steps[-1].line == 5  # the display after it is read as one too
    wrong = text.replace("= p_i(1 - p_i)$$", "= p_i(1 + p_i)$$")
    assert check_document(wrong).steps[-2].status == "fails"


def test_a_name_defined_with_an_index_and_restated_without_one_is_not_flagged() -> None:
    text = (
        "$$z = Wx + b$$\n\n"
        r"$$\frac{\partial L}{\partial z_j} = p_j - y_j = p_j - 1$$" + "\n\n"
        "$$z = Wx + b$$\n\n"
        r"$$z_i = \sum_{j=1}^D W_{ij}x_j + b_i$$" + "\n"
    )
    third = check_document(text).steps[3]
    assert third.status == "not checked" and "written without one" in third.summary


def test_entries_written_rounded_hold_to_their_digits() -> None:
    right = (
        r"$$\frac{1}{3}\begin{bmatrix} 0.1 & 0.2 \end{bmatrix}"
        r" = \begin{bmatrix} 0.033 & 0.067 \end{bmatrix}$$" + "\n"
    )
    held = last(right)
    assert held.status == "holds" and "to the digits written" in held.summary
    assert last(right.replace("0.067", "0.076")).status == "fails"  # digits swapped
    assert last(right.replace("0.033", "0.034")).status == "fails"  # off by one in the last


# review 78: words that exclude a case ("unless", "except", "if not") name the other one
SOFTMAX = r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$." + "\n\n"


@pytest.mark.parametrize(
    "annotation",
    [r"\quad \text{unless } i = j", r"\quad (\text{except } i = j)", r"\quad \text{if not } i = j"],
)
def test_a_row_excluding_a_case_is_in_the_other_one(annotation: str) -> None:
    right = last(f"{SOFTMAX}$$\\frac{{\\partial p_i}}{{\\partial z_j}} = -p_i p_j {annotation}$$\n")
    assert right.status == "holds" and "i ≠ j" in right.summary, right.summary
    wrong = f"{SOFTMAX}$$\\frac{{\\partial p_i}}{{\\partial z_j}} = p_i(1 - p_i) {annotation}$$\n"
    assert last(wrong).status == "fails"


def test_a_cases_row_excluding_a_case_is_in_the_other_one() -> None:
    lead = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\log p_k$ where $k$ is the "
        "correct class.\n\n"
    )
    derivative = r"$$\frac{\partial L}{\partial z_i} = \begin{cases} "
    right = derivative + r"p_i & \text{unless } i = k \\ p_i - 1 & \text{else} \end{cases}$$"
    assert statuses(lead + right + "\n") == ["holds", "holds"]
    swapped = derivative + r"p_i - 1 & \text{unless } i = k \\ p_i & \text{else} \end{cases}$$"
    assert statuses(lead + swapped + "\n") == ["fails", "fails"]


def test_a_sentence_excluding_a_case_leads_into_the_other_one() -> None:
    text = f"{SOFTMAX}Unless $i = j$,\n\n$$\\frac{{\\partial p_i}}{{\\partial z_j}} = -p_i p_j$$\n"
    assert last(text).status == "holds" and "i ≠ j" in last(text).summary
    assert last(text.replace("= -p_i p_j", "= p_i p_j")).status == "fails"


def test_a_label_excluded_in_words_keeps_its_value_from_flagging() -> None:
    derivative = "$$\\frac{\\partial L}{\\partial z} = \\hat{y}$$\n"
    text = f"{BCE}Unless the label is positive,\n\n{derivative}"
    assert last(text).status == "not checked"
    assert last(text.replace("Unless the label is positive,", "Then")).status == "fails"


def test_one_hot_said_of_y_is_not_said_of_the_losss_other_weights() -> None:
    text = (
        r"The hard label $y$ is one-hot. Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and "
        r"$L = -\sum_k t_k \log p_k$." + "\n\n$$\\frac{\\partial L}{\\partial z_i} = p_i - t_i$$\n"
    )
    step = last(text)  # p_i Σ_k t_k - t_i: Σ_k t_k = 1 is needed, and not stated of t
    assert not step.hypothesis_stated and "does not state" in step.summary, step.summary
    said = text.replace("The hard label $y$ is one-hot.", "The targets $t$ sum to one.")
    assert last(said).hypothesis_stated


@pytest.mark.parametrize(
    "lead",
    [
        "For multi-label problems the targets no longer sum to one, and",
        "Now drop this assumption: the $y_k$ are arbitrary nonnegative weights.",
    ],
)
def test_a_hypothesis_withdrawn_in_words_no_longer_holds_the_step(lead: str) -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$. Here $y$ "
        "is one-hot.\n\n$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n\n"
        f"{lead}\n\n$$\\frac{{\\partial L}}{{\\partial z_i}} = p_i - y_i$$\n"
    )
    assert statuses(text) == ["holds", "not checked"]
    assert statuses(text.replace("= p_i - y_i$$", "= y_i - p_i$$"))[0] == "fails"


@pytest.mark.parametrize(
    "lead", ["From here on we use the cross-entropy cost.", "Let's use the log-loss now."]
)
def test_a_run_of_displays_after_words_that_switch_the_cost_stays_unjudged(lead: str) -> None:
    text = (
        f"{QUADRATIC}\n\n{lead}\n\n"
        "$$\\frac{\\partial C}{\\partial z} = (a - y)\\sigma'(z)$$\n\n"
        "$$\\frac{\\partial C}{\\partial z} = a - y$$\n"
    )
    assert statuses(text) == ["not checked", "not checked"]
    # the new cost written right after the words is read as a step of the old one: no flag
    defined = text.replace(
        "$$\\frac{\\partial C}{\\partial z} = (a - y)\\sigma'(z)$$",
        r"$$C = -y \ln a - (1 - y) \ln(1 - a)$$",
    )
    assert not any(step.flagged for step in check_document(defined).steps)


def test_labels_one_hot_at_a_class_said_by_cases_in_words() -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$, where "
        "$y_k = 1$ if $k = c$ and $0$ otherwise.\n\nFor $i = c$:\n\n"
        "$$\\frac{\\partial L}{\\partial z_i} = p_i - 1$$\n"
    )
    assert not last(text).flagged  # (it was refuted at y = (7/2, 9/2))
    assert last(text.replace("= p_i - 1$$", "= p_i + 1$$")).status == "fails"


# review 78b: other words that may exclude a case are no case read (not the case they write)
@pytest.mark.parametrize(
    "lead",
    [
        "Note that the case $i = j$ is excluded here:",
        "Setting aside $i = j$,",
        "If $i = j$ fails,",
        "In the cases other than $i = j$,",
        "Außer wenn $i = j$,",
        "除非 $i = j$，",
        "It is not the case that $i \\neq j$:",
    ],
)
def test_words_that_may_exclude_a_case_read_no_case(lead: str) -> None:
    # (words in another clause say nothing of the case: "When $i \\ne k$, … does not depend")
    text = f"{SOFTMAX}{lead}\n\n$$\\frac{{\\partial p_i}}{{\\partial z_j}} = p_i(1 - p_j)$$\n"
    assert last(text).status == "not checked", last(text).summary
    plain = text.replace(lead, "If $i = j$,")
    assert last(plain).status == "holds"  # the case itself, said plainly
    assert last(plain.replace("p_i(1 - p_j)", "p_i(1 + p_j)")).status == "fails"


@pytest.mark.parametrize(
    "annotation",
    [r"\text{apart from } i = j", r"(i = j \text{ excluded})", r"\text{save when } i = j"],
)
def test_a_row_whose_words_may_exclude_its_case_is_not_read(annotation: str) -> None:
    text = f"{SOFTMAX}$$\\frac{{\\partial p_i}}{{\\partial z_j}} = -p_i p_j \\quad {annotation}$$\n"
    step = last(text)
    assert step.status == "not checked" and "may say it does not hold" in step.summary
    plain = text.replace(annotation, r"\text{if } i \neq j")
    assert last(plain).status == "holds"
    assert last(plain.replace("= -p_i p_j", "= p_i p_j")).status == "fails"


@pytest.mark.parametrize(
    "lead",
    [
        "But in general the $y_k$ can be any nonnegative numbers, e.g. counts.",
        "Now the $y_k$ are arbitrary (e.g. $y = (1, 1, 0)$).",
        "If the targets did not sum to one,",
    ],
)
def test_more_words_that_withdraw_the_hypothesis(lead: str) -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$, with $y$ "
        f"one-hot.\n\n{lead}\n\n$$\\frac{{\\partial L}}{{\\partial z_i}} = p_i - y_i$$\n"
    )
    assert last(text).status == "not checked"
    assert last(text.replace(lead, "Then")).status == "holds"
    assert last(text.replace(lead, "Then").replace("= p_i - y_i$$", "= y_i - p_i$$")).flagged


@pytest.mark.parametrize(
    "said",
    [
        r"$y_k = 1$ when $k$ is the true class $c$, else $0$",
        r"$y_k = 1$ for $k = c$ and $y_k = 0$ for $k \neq c$",
        r"$y_c = 1$ and all other $y_k = 0$",
        r"$y_k$ equals $1$ if $k = c$, else $0$",
        r"$y$ the indicator vector of the true class $c$".replace("$y$ the", "$y$ is the"),
    ],
)
def test_more_ways_to_say_the_labels_are_one_hot_at_a_class(said: str) -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$, where "
        f"{said}.\n\nFor $i \\neq c$:\n\n$$\\frac{{\\partial L}}{{\\partial z_i}} = p_i$$\n"
    )
    assert not last(text).flagged, last(text).summary  # (it was refuted at y = (7/2, 9/2))
    assert last(text.replace("= p_i$$", "= -p_i$$")).status == "fails"


# review 78c: ℓ and ŷ given another value inline (ℓ is read as L, ŷ as yhat)
LOSSES = r"""Let $\hat{y} = \sigma(z)$ with $\sigma(z) = \frac{1}{1+e^{-z}}$.

**Squared error.** $\ell = \frac{1}{2}(\hat{y} - y)^2$.

**Log loss.** $\ell = -y\log\hat{y} - (1 - y)\log(1 - \hat{y})$, so

$$\frac{d\ell}{dz} = STEP$$
"""


def test_a_loss_named_ell_given_another_value_is_judged_under_neither() -> None:
    right = last(LOSSES.replace("STEP", r"\hat{y} - y"))  # the log loss's: it was flagged
    assert right.status == "not checked" and "given another value" in right.summary
    # the squared error's, σ' kept: it was "holds" under the first ℓ
    old = last(LOSSES.replace("STEP", r"(\hat{y} - y)\hat{y}(1 - \hat{y})"))
    assert old.status == "not checked" and "given another value" in old.summary
    # wrong under both values: the flag stands
    assert last(LOSSES.replace("STEP", r"2\hat{y}")).status == "fails"


def test_an_output_named_y_hat_given_another_value_is_judged_under_neither() -> None:
    text = (
        r"For the logistic unit, $\hat{y} = \frac{1}{1+e^{-z}}$, and" + "\n\n"
        r"$$\frac{d\hat{y}}{dz} = \hat{y}(1 - \hat{y})$$" + "\n\n"
        r"For the tanh unit, $\hat{y} = \tanh(z)$, and" + "\n\n"
        r"$$\frac{d\hat{y}}{dz} = STEP$$" + "\n"
    )
    copied = check_document(text.replace("STEP", r"\hat{y}(1 - \hat{y})")).steps
    assert copied[0].status == "holds" and copied[-1].status == "not checked"
    assert last(text.replace("STEP", r"1 - \hat{y}^2")).status == "not checked"  # (was "fails")
    assert last(text.replace("STEP", r"\hat{y} + 3")).status == "fails"


def test_digits_cut_off_are_no_rounding_where_the_text_says_it_rounds() -> None:
    said = "Values are rounded to two decimals.\n\n$$e^{2} = 7.38$$\n"
    step = last(said)
    assert step.status == "not checked" and "rounded, not cut off" in step.summary
    assert last(said.replace("7.38", "7.39")).status == "holds"  # rounded as the text says
    assert last(said.replace("Values are rounded to two decimals.", "So")).status == "holds"
    assert last(said.replace("7.38", "7.48")).status == "fails"
