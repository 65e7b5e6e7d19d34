"""Session 81's readings; each rule that changes a verdict has a twin with a plausible wrong
formula (or without the notation it reads) whose verdict is checked too."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


TEMPERATURE = (
    "The softmax with temperature T is: {open}p_j = \\frac{{e^{{o_j/T}}}}{{\\sum_k e^{{o_k/T}}}}"
    "{close}\n\nwhich gives\n\n$$\\frac{{\\partial p_i}}{{\\partial o_i}} = {entry}$$\n"
)


def test_four_dollars_around_a_formula_are_its_display() -> None:
    right = r"\frac{1}{T} p_i (1 - p_i)"
    text = TEMPERATURE.format(open="$$$$", close="$$$$", entry=right)
    assert statuses(text) == ["definition", "holds"]
    wrong = TEMPERATURE.format(open="$$$$", close="$$$$", entry=r"p_i (1 - p_i)")
    assert statuses(wrong) == ["definition", "fails"]
    # between two formulas the four dollars close one and open the next: left as written
    twice = (
        "Two formulas:\n\n$$\\frac{\\partial}{\\partial x} x^2 = 2x$$"
        "$$\\frac{\\partial}{\\partial x} x^3 = 3x$$\n"
    )
    assert statuses(twice) == ["holds", "fails"]


def test_an_empty_group_prints_nothing() -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_j y_j \log p_j$." + "\n\n"
        r"$$\frac{\partial L}{\partial z_i}{} = -\sum_j y_j \frac{\partial \log p_j}{\partial z_i}"
        r" = {grad}$$" + "\n"
    )
    assert statuses(
        text.replace(
            "{grad}",
            r"-\sum_j \frac{y_j}{p_j}{} \frac{\partial p_j}"
            r"{\partial z_i}",
        )
    ) == ["holds", "holds"]
    assert statuses(
        text.replace(
            "{grad}",
            r"\sum_j \frac{y_j}{p_j}{} \frac{\partial p_j}"
            r"{\partial z_i}",
        )
    ) == ["holds", "fails"]


SIGMOID_CHAIN = (
    r"<p>$\sigma '(x)=\frac { d }{ dx } { (1+{ e }^{ -x }) }^{ -1 }=-{ (1+{ e }^{ -x }) }^{ -2 }"
    r"\cdot ({ -e }^{ -x })=\frac { { e }^{ -x } }{ { (1+{ e }^{ -x }) }^{ 2 } } \Rightarrow \\ "
    r"\sigma '(x)={end}\\ $</p>" + "\n"
)


def test_a_braced_negative_base_and_a_break_after_an_implication() -> None:
    text = "The sigmoid's derivative:\n\n" + SIGMOID_CHAIN
    right = text.replace("{end}", r"\sigma (x)(1-\sigma (x))")
    assert statuses(right) == ["holds"] * 4
    wrong = text.replace("{end}", r"\sigma (x)(1+\sigma (x))")
    assert statuses(wrong) == ["holds"] * 3 + ["fails"]
    # { -e }^{ -x } is -e^{-x}: with the minus dropped the step is refuted
    dropped = right.replace(r"({ -e }^{ -x })", r"({ e }^{ -x })")
    assert statuses(dropped)[1] == "fails"


CASES_WITHOUT_AMPERSANDS = (
    r"Let $S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$." + "\n\n$$\n"
    r"\frac{\partial S_i}{\partial a_j} =" + "\n"
    r"\begin{cases}" + "\n"
    r"{equal} \text{ where }i = j \\" + "\n"
    r"{other} \text{ otherwise}\\" + "\n"
    r"\end{cases}" + "\n$$\n"
)


def test_cases_rows_whose_condition_is_set_apart_by_words() -> None:
    def rows(equal: str, other: str) -> list[str]:
        text = CASES_WITHOUT_AMPERSANDS.replace("{equal}", equal).replace("{other}", other)
        return statuses(text)

    assert rows(r"S_i(1 - S_j)", r"-S_i S_j") == ["holds", "holds"]
    assert rows(r"S_i(1 - S_j)", r"S_i S_j") == ["holds", "fails"]
    assert rows(r"S_i(1 + S_j)", r"-S_i S_j") == ["fails", "holds"]
    # the case is the row's: the diagonal formula off the diagonal is refuted
    assert rows(r"-S_i S_j", r"S_i(1 - S_j)") == ["fails", "fails"]


PLAIN_SOFTMAX = (
    "Softmax:\n\n$$A = {softmax}$$\n\n$$\\frac{{\\partial A_i}}{{\\partial z_j}} = {entry}$$\n"
)


@pytest.mark.parametrize(
    "softmax",
    [
        r"\frac{e^z}{\Sigma e^z}",
        r"\frac{e^z}{\sum e^z}",
        r"\frac{e^{z}}{\sum_k e^{z_k}}",
        r"\frac{\exp(z)}{\sum_{j=1}^{N} \exp(z_j)}",
    ],
)
def test_the_softmax_defined_in_plain_letters(softmax: str) -> None:
    def verdict(entry: str) -> list[str]:
        return statuses(PLAIN_SOFTMAX.format(softmax=softmax, entry=entry))

    assert verdict(r"A_i(\delta_{ij} - A_j)") == ["definition", "holds"]
    assert verdict(r"A_i(\delta_{ij} + A_j)") == ["definition", "fails"]
    assert verdict(r"A_j(\delta_{ij} - A_i)") == ["definition", "holds"]  # symmetric: i, j
    assert verdict(r"-A_i A_j") == ["definition", "holds only"]  # (when i ≠ j)


@pytest.mark.parametrize(
    "softmax",
    [
        r"\frac{e^{z}}{\sum_k e^{z_j}}",  # another entry in the sum
        r"\frac{e^{z}}{\sum_k e^{x_k}}",  # another letter
        r"\frac{e^{z}}{\sum_k z_k}",  # no exponential
    ],
)
def test_a_plain_letter_quotient_that_is_no_softmax_is_not_read_as_one(softmax: str) -> None:
    text = PLAIN_SOFTMAX.format(softmax=softmax, entry=r"A_i(\delta_{ij} - A_j)")
    assert statuses(text)[1:] == ["not checked"]


SIGMA_SIGN = (
    r"Let $A_i = \frac{e^{z_i}}{\Sigma e^{z_i}}$ and $L = -\Sigma y_i \log A_i$."
    "\n\n$$\\frac{\\partial A_i}{\\partial z_i} = {entry}$$\n"
)


def test_a_capital_sigma_before_a_summand_is_the_sum_sign() -> None:
    assert statuses(SIGMA_SIGN.replace("{entry}", r"A_i(1 - A_i)")) == ["holds"]
    assert statuses(SIGMA_SIGN.replace("{entry}", r"A_i(1 + A_i)")) == ["fails"]
    # a text that makes \Sigma a name of its own keeps it a name
    named = SIGMA_SIGN.replace("Let", r"Let $\Sigma = 2$ and")
    assert statuses(named.replace("{entry}", r"A_i(1 - A_i)")) == ["not checked"]


CHAIN_OF_DISPLAYS = (
    r"Let $\hat{y}_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$ and $E = -\sum_j t_j \log \hat{y}_j$."
    "\n\n{lead} we get:\n\n"
    r"$$\frac{\partial E}{\partial z_i} = - t_j(1 - \hat{y}_i) + \sum_{j \neq i} t_j \hat{y}_i$$"
    "\n\n"
    r"$$\frac{\partial E}{\partial z_i} = - t_j + \sum_{j=1}^{C} t_j \hat{y}_i$$"
    "\n\nsince $\\hat{y}_i$ is constant\n\n"
    r"$$\frac{\partial E}{\partial z_i} = {last}$$" + "\n"
)


def test_the_cases_of_a_derivation_carry_on_past_a_remark() -> None:
    lead = r"Substituting the values for when $i = j$ and $i \neq j$"
    text = CHAIN_OF_DISPLAYS.replace("{lead}", lead)
    # the lone t_j stands for t_i (the case i = j): withheld in every display of the chain
    meant = text.replace("{last}", r"- t_j + \hat{y}_i \sum_{j=1}^{C} t_j")
    assert statuses(meant) == ["not checked"] * 3
    # a step wrong in every case is still refuted
    wrong = text.replace("{last}", r"t_j + \hat{y}_i \sum_{j=1}^{C} t_j")
    assert statuses(wrong)[2] == "fails"
    # without the case words the chain's steps are flagged as holding only when i = j
    plain = CHAIN_OF_DISPLAYS.replace("{lead}", "Then").replace(
        "{last}", r"- t_j + \hat{y}_i \sum_{j=1}^{C} t_j"
    )
    assert statuses(plain) == ["holds only"] * 3


SIGNED_GROUP = (
    r"Let $\sigma(z) = \frac{1}{1 + e^{-z}}$." + "\n\n$$\n\\begin{aligned}\n"
    r"y\frac{\sigma'(z)}{\sigma(z)}+(1-y)\frac{-\sigma'(z)}{1-\sigma(z)}"
    r"&=\sigma'(z)\left({inner}\right)\\" + "\n"
    r"&=\sigma'(z)\cdot\frac{y-\sigma(z)}{\sigma(z)(1-\sigma(z))}" + "\n\\end{aligned}\n$$\n"
)


def test_a_signed_brace_group_after_a_factor_is_not_read() -> None:
    def verdicts(inner: str) -> list[str]:
        return statuses(SIGNED_GROUP.replace("{inner}", inner))

    # braces do not print: the page shows y/σ − (1-y)/(1-σ), a product is meant elsewhere
    # (\frac{1}{1-σ}{-σ(1-σ)}, the chain rule): the step is withheld, never judged one way
    assert verdicts(r"\frac{y}{\sigma(z)}{-\frac{1-y}{1-\sigma(z)}}") == ["not checked"] * 2
    # written apart, the difference is judged, and its wrong twin refuted
    assert verdicts(r"\frac{y}{\sigma(z)}-\frac{1-y}{1-\sigma(z)}") == ["holds", "holds"]
    assert verdicts(r"\frac{y}{\sigma(z)}+\frac{1-y}{1-\sigma(z)}") == ["fails", "fails"]
    # a signed group that is an argument stays one: \frac{y}{-σ} is y/(−σ)
    assert verdicts(r"\frac{y}{-\sigma(z)}-\frac{1-y}{1-\sigma(z)}") == ["fails", "fails"]


def test_a_braced_sum_before_a_factor_is_not_read() -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$, $L = -\sum_k y_k \log p_k$, and $y$ is "
        "one-hot.\n\n$$\\frac{\\partial L}{\\partial z_i} = {grad}$$\n"
    )
    # {-\sum_k y_k}(δ_ik − p_i): does the sum reach past the braces? withheld
    assert statuses(text.replace("{grad}", r"{-\sum_k y_k}(\delta_{ik} - p_i)")) == ["not checked"]
    assert statuses(text.replace("{grad}", r"-\sum_k y_k(\delta_{ik} - p_i)")) == ["holds"]
    assert statuses(text.replace("{grad}", r"-\sum_k y_k(\delta_{ik} + p_i)")) == ["fails"]


def test_a_capital_sigma_sum_said_in_a_sentence_states_the_total() -> None:
    text = (
        r"Softmax $q_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$, loss $C = -\sum_i y_i \log q_i$. "
        "{said}\n\n$$\\frac{\\partial C}{\\partial z_i} = {grad}$$\n"
    )

    def summary(said: str, grad: str) -> str:
        return check_document(text.replace("{said}", said).replace("{grad}", grad)).steps[0].summary

    said = r"The targets satisfy $\Sigma_i y_i = 1$."
    assert summary(said, "q_i - y_i").startswith("holds given Σ_j y_j = 1")
    assert summary(said, "y_i - q_i").startswith("fails")
    assert "does not state" in summary("", "q_i - y_i")


FROM_ONE = (
    r"Let $\hat{y}_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$ and "
    r"$L = -\sum_{i=1}^{K} y_i \log \hat{y}_i$ with $\sum_{i=1}^{K} y_i = 1$."
    "\n\n$$\n\\frac{\\partial L}{\\partial z_k} = {loss}\n$$\n\n"
    r"For the example, $\hat{y}_0 - y_0 = 0.659 - 1 = -0.341$." + "\n"
)


def test_sums_written_from_one_decide_where_a_text_counts() -> None:
    right = r"-y_k + \hat{y}_k \sum_{i=1}^{K} y_i"
    assert statuses(FROM_ONE.replace("{loss}", right))[0] == "holds"
    wrong = r"y_k - \hat{y}_k \sum_{i=1}^{K} y_i"
    assert statuses(FROM_ONE.replace("{loss}", wrong))[0] == "fails"
    # a sum written from 0 elsewhere: where the text counts is open, the step is withheld
    from_zero = FROM_ONE.replace("For the example,", r"Also $\sum_{k=0}^{K-1} y_k = 1$, and")
    assert statuses(from_zero.replace("{loss}", right))[0] == "not checked"


LABEL_CASE_GOES_ON = (
    "The loss for one example:\n\n$$\n"
    r"L_i = - \left( y_i \log(\hat{y}_i) + (1 - y_i) \log(1 - \hat{y}_i) \right)"
    "\n$$\n\nFor $y_i = 1$:\n\n$$\nL_i = - \\log(\\hat{y}_i)\n$$\n\n"
    "So the derivative is:\n\n$$\n"
    r"\frac{\partial L_i}{\partial \hat{y}_i} = {grad}"
    "\n$$\n"
)


def test_a_label_case_goes_on_past_a_short_lead() -> None:
    # at y_i = 1 the derivative is -1/ŷ_i: never flagged for labels the case excludes
    right = statuses(LABEL_CASE_GOES_ON.replace("{grad}", r"-\frac{1}{\hat{y}_i}"))
    assert right[2] == "holds"  # where y_i = 1 for every i (session 82; withheld before)
    # wrong at y_i = 1 as well: refuted
    wrong = statuses(LABEL_CASE_GOES_ON.replace("{grad}", r"\frac{1}{\hat{y}_i}"))
    assert wrong[2] == "fails"
    # a lead that is no short connective does not carry the case
    other = LABEL_CASE_GOES_ON.replace("So the derivative is:", "In general, for any label:")
    assert statuses(other.replace("{grad}", r"-\frac{1}{\hat{y}_i}"))[2] == "fails"


def test_an_indexed_loss_after_a_differential_d_is_the_texts_own_name() -> None:
    text = (
        "$$\nL_i = - \\left( y_i \\log(\\hat{y}_i) + (1 - y_i) \\log(1 - \\hat{y}_i) \\right)\n$$"
        "\n\n$$\n\\frac{dL_i}{d\\hat{y}_i} = {grad}\n$$\n"
    )
    right = r"-\frac{y_i}{\hat{y}_i} + \frac{1 - y_i}{1 - \hat{y}_i}"
    assert statuses(text.replace("{grad}", right)) == ["definition", "holds"]
    wrong = r"-\frac{y_i}{\hat{y}_i} - \frac{1 - y_i}{1 - \hat{y}_i}"
    assert statuses(text.replace("{grad}", wrong)) == ["definition", "fails"]


BCE_CASES = (
    "The loss for one example:\n\n$$\n"
    r"L = - \left( y \log(\hat{y}) + (1 - y) \log(1 - \hat{y}) \right)"
    "\n$$\n\nFor $y = 1$:\n\n$$\nL = - \\log(\\hat{y})\n$$\n\n"
    "{lead}\n\n$$\n\\frac{\\partial L}{\\partial \\hat{y}} = {grad}\n$$\n"
)


@pytest.mark.parametrize(
    "lead",
    ["So the derivative is:", "Its derivative:", r"Differentiating with respect to $\hat{y}$:"],
)
def test_a_label_case_carries_to_the_derivative_led_on_from_it(lead: str) -> None:
    text = BCE_CASES.replace("{lead}", lead)
    assert statuses(text.replace("{grad}", r"-\frac{1}{\hat{y}}")) == [
        "definition",
        "holds",
        "holds",
    ]
    assert statuses(text.replace("{grad}", r"\frac{1}{\hat{y}}")) == [
        "definition",
        "holds",
        "fails",
    ]


def test_a_general_lead_does_not_carry_a_label_case() -> None:
    text = BCE_CASES.replace("{lead}", "The derivative for any label is")
    # -1/ŷ is the derivative at y = 1 only: for any label it is refuted
    assert statuses(text.replace("{grad}", r"-\frac{1}{\hat{y}}"))[2] == "fails"
    right = r"-\frac{y}{\hat{y}} + \frac{1 - y}{1 - \hat{y}}"
    assert statuses(text.replace("{grad}", right))[2] == "holds"


@pytest.mark.parametrize("between", [r"\Rightarrow", r"\Rightarrow \\"])
def test_a_definition_of_sigma_ends_at_an_implication(between: str) -> None:
    text = (
        "For the logistic function:\n\n"
        rf"$$\sigma(x) = \frac{{1}}{{1+e^{{-x}}}} {between} \sigma'(x) = {{end}}$$" + "\n"
    )
    assert statuses(text.replace("{end}", r"\sigma(x)(1-\sigma(x))")) == ["holds", "holds"]
    assert statuses(text.replace("{end}", r"\sigma(x)(1+\sigma(x))")) == ["holds", "fails"]


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        (r"s{}(1 - s)", r"s{}(1 + s)"),
        (r"\frac{e^{-x}}{(1+e^{-x}){}^2}", r"\frac{e^{-x}}{(1+e^{-x}){}^3}"),
    ],
)
def test_an_empty_group_after_a_factor_prints_nothing(right: str, wrong: str) -> None:
    text = "Let $s = \\frac{1}{1 + e^{-x}}$.\n\n$$\\frac{ds}{dx} = {grad}$$\n"
    assert statuses(text.replace("{grad}", right)) == ["holds"]
    assert statuses(text.replace("{grad}", wrong)) == ["fails"]


def test_cases_rows_with_a_comma_before_the_condition_word() -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$." + "\n\n"
        r"$$\frac{\partial p_i}{\partial z_j} = \begin{cases} p_i(1 - p_i) \text{, where } i = j"
        r" \\ {other}\ \text{if}\ i \neq j \end{cases}$$" + "\n"
    )
    assert statuses(text.replace("{other}", "-p_i p_j")) == ["holds", "holds"]
    assert statuses(text.replace("{other}", "p_i p_j")) == ["holds", "fails"]


def test_label_words_carry_to_a_derivative_led_on_from_them() -> None:
    text = (
        r"$C = -t\log a - (1-t)\log(1-a)$ with $a = \sigma(z)$." + "\n\n"
        "When the label is 1,\n\n$$C = -\\log a$$\n\nIts derivative:\n\n"
        "$$\\frac{dC}{dz} = {grad}$$\n"
    )
    assert statuses(text.replace("{grad}", "a - 1")) == ["holds", "holds"]
    assert statuses(text.replace("{grad}", "1 - a")) == ["holds", "fails"]


def test_a_value_said_after_a_led_on_display_is_the_next_ones() -> None:
    text = (
        r"Per example, $\ell_i = -y_i\log p_i - (1-y_i)\log(1-p_i)$ with $p_i = \sigma(z_i)$."
        "\n\nFor $y_i = 0$:\n\n$$\\ell_i = -\\log(1 - p_i)$$\n\nSo the derivative is:\n\n"
        "$$\\frac{\\partial \\ell_i}{\\partial z_i} = {grad}$$\n\nand for $y_i = 1$:\n\n"
        "$$\\frac{\\partial \\ell_i}{\\partial z_i} = p_i - 1$$\n"
    )
    assert statuses(text.replace("{grad}", "p_i"))[1] == "holds"  # at y_i = 0 (session 82)
    assert statuses(text.replace("{grad}", "-p_i"))[1] == "fails"


def test_a_total_without_an_index_said_in_a_sentence() -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $L = -\sum_i y_i \log p_i$." + "\n\n"
        "If {said}, then\n\n"
        "$$\\frac{\\partial L}{\\partial z_k} = p_k \\sum_i y_i - y_k = {end}$$\n"
    )
    for said in (r"$\Sigma y = 1$", r"$\sum y = 1$"):
        held = check_document(text.replace("{said}", said).replace("{end}", "p_k - y_k"))
        assert held.steps[1].summary.startswith("holds given Σ_j y_j = 1")
        wrong = check_document(text.replace("{said}", said).replace("{end}", "y_k - p_k"))
        assert wrong.steps[1].status == "fails"
    # a product with the sum (Σ y = 1 times something) states nothing
    other = check_document(
        text.replace("{said}", r"$\Sigma y = 1 \cdot c$").replace("{end}", "p_k - y_k")
    )
    assert "does not state" in other.steps[1].summary


def test_the_true_class_named_by_its_number() -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}$ and $L = -\sum_{j=1}^{K} y_j\log p_j$"
        " with $y$ one-hot.\nThe true class is class 2.\n\n$${step}$$\n"
    )
    # at class 2, ∂L/∂z_1 = p_1: never refuted at another class the text excludes
    held = statuses(text.replace("{step}", r"\frac{\partial L}{\partial z_1} = p_1"))
    assert held == ["not checked"]
    # ∂L/∂z_2 = p_2 is wrong at class 2: refuted there
    wrong = check_document(text.replace("{step}", r"\frac{\partial L}{\partial z_2} = p_2"))
    assert wrong.steps[0].status == "fails"
    assert "y_2 = 1" in wrong.steps[0].summary


def test_a_label_case_said_in_french() -> None:
    text = (
        r"La perte est $E = -t\log o - (1-t)\log(1-o)$ avec $o = \sigma(a)$, où $t$ est "
        "l'étiquette.\n\n{lead}\n\n$$E = {loss}$$\n"
    )
    one = text.replace("{lead}", "Quand l'étiquette vaut 1 :")
    assert statuses(one.replace("{loss}", r"-\log o")) == ["holds"]
    assert statuses(one.replace("{loss}", r"-\log(1 - o)")) == ["fails"]
    zero = text.replace("{lead}", "Si l'étiquette vaut 0 :")
    assert statuses(zero.replace("{loss}", r"-\log(1 - o)")) == ["holds"]
    assert statuses(zero.replace("{loss}", r"-\log o")) == ["fails"]
