"""Session 76's readings: a label's value stated beside a row or just before its display; each
"holds" has a twin with one change that is flagged or withheld, never proved."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

BCE = "Let $\\hat{y} = \\sigma(z)$ and $L = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$. Then\n\n"
BINARY = (
    "Let $y \\in \\{0, 1\\}$ and $\\hat{y} = \\sigma(z)$. The loss is\n\n"
    "$$L = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$$\n\n"
)


def steps(text: str):
    return check_document(text).steps


def last(text: str):
    return steps(text)[-1]


def held_and_flagged(right: str, wrong: str, where: str) -> None:
    """The right text holds at the value it states; its twin fails there."""
    held, flagged = last(right), last(wrong)
    assert held.status == "holds" and held.summary.endswith(f"where {where}"), held.summary
    assert flagged.status == "fails" and f"where {where}" in flagged.summary, flagged.summary


@pytest.mark.parametrize(
    "beside",
    [r"\quad \text{if } y = 1", r"\quad \text{for } y = 1", r"\qquad \text{when } y = 1"],
)
def test_a_label_value_beside_a_row_is_its_case(beside: str) -> None:
    # review 75c M: "L = -\log\hat{y} \quad \text{if } y = 1" was judged for every y (false fail)
    held_and_flagged(
        BCE + f"$$L = -\\log\\hat{{y}} {beside}$$\n",
        BCE + f"$$L = -\\log(1-\\hat{{y}}) {beside}$$\n",
        "y = 1",
    )


def test_two_label_values_in_one_row_are_each_a_case() -> None:
    row = (
        r"L = -\log\hat{y} \quad \text{if } y = 1, \qquad "
        r"L = -\log(1 - \hat{y}) \quad \text{if } y = 0"
    )
    found = steps(BCE + f"$${row}$$\n")
    assert [(s.status, s.condition) for s in found] == [("holds", "y = 1"), ("holds", "y = 0")]
    swapped = steps(BCE + f"$${row.replace('1 - ', '')}$$\n")
    assert swapped[-1].status == "fails", swapped[-1].summary


def test_a_gradient_at_a_label_value_beside_it() -> None:
    held_and_flagged(
        BCE + "$$\\frac{\\partial L}{\\partial z} = \\hat{y} \\quad \\text{if } y = 0$$\n",
        BCE + "$$\\frac{\\partial L}{\\partial z} = \\hat{y} + 1 \\quad \\text{if } y = 0$$\n",
        "y = 0",
    )


def test_a_variable_differentiated_by_is_not_put_at_the_rows_value() -> None:
    # d/dx (x^2 + x) = 1 at x = 0 only: the value of a variable differentiated by is not put in,
    # so no flag may ignore it (and no "holds" is claimed)
    text = "Let $f(x) = x^2 + x$. Then\n\n$$\\frac{d}{dx} f(x) = 1 \\quad \\text{for } x = 0$$\n"
    found = last(text)
    assert found.status == "not checked" and "x = 0" in found.summary, found.summary


@pytest.mark.parametrize(
    "lead", ["and when the label is $y = 0$,", "If $y = 0$,", "For $y = 0$, we have"]
)
def test_a_label_value_said_just_before_a_display_is_its_case(lead: str) -> None:
    # review 75c N: with y ∈ {0, 1} stated, "when the label is $y = 0$," was dropped
    found = last(BINARY + f"{lead}\n\n$$= -\\log(1 - \\hat{{y}})$$\n")
    assert found.status == "holds" and found.condition == "y = 0", found.summary
    wrong = last(BINARY + f"{lead}\n\n$$= -\\log\\hat{{y}}$$\n")
    assert wrong.status == "fails", wrong.summary


def test_a_row_after_another_case_row_is_not_chained_to_it() -> None:
    # review 75c O: "If $y = 1$, $$= …$$ If $y = 0$, $$= …$$": the second row is L at y = 0,
    # not the first case's value: judged from the chain's start (review 76 Q: a row that
    # repeats the other case's value was "holds" chained literally)
    text = (
        BINARY + "If $y = 1$,\n\n$$= -\\log\\hat{y}$$\n\nIf $y = 0$,\n\n$$= -\\log(1-\\hat{y})$$\n"
    )
    first, second = steps(text)[-2:]
    assert first.status == "holds" and first.condition == "y = 1", first.summary
    assert second.status == "holds" and "not from the other case" in second.summary, second.summary
    # the twins: a row wrong from either start, and one that repeats the other case's value
    for slip in ("-\\log(2-\\hat{y})", "-\\log\\hat{y}"):
        wrong = steps(text.replace("= -\\log(1-\\hat{y})$$", f"= {slip}$$"))
        assert wrong[-1].status == "fails", wrong[-1].summary


@pytest.mark.parametrize("other", ["\\quad \\text{if } y = 0", "\\qquad \\text{for } y = 0"])
def test_an_aligned_row_of_the_other_case_goes_on_from_the_start(other: str) -> None:
    # review 76 T and Q: "L &= … \\ &= -\log\hat{y} \quad \text{if } y = 1 \\ &= … \quad
    # \text{if } y = 0": the last row is L at y = 0
    rows = (
        "$$\\begin{aligned} L &= -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y}) \\\\ "
        "&= -\\log\\hat{y} \\quad \\text{if } y = 1 \\\\ &= RIGHT OTHER \\end{aligned}$$\n"
    )
    text = BCE.replace(" Then", "") + rows.replace("OTHER", other)
    assert last(text.replace("RIGHT", "-\\log(1-\\hat{y})")).status == "holds"
    assert last(text.replace("RIGHT", "-\\log\\hat{y}")).status == "fails"


SIGMOID_LINES = (
    "$\\sigma(x) = \\frac{1}{1 + e^{-x}}$\n\n"
    "$\\sigma'(x) = \\frac{\\delta}{\\delta x}\\Big[ \\frac{1}{1 + e^{-x}}\\Big]$\n\n"
)


def test_rows_of_a_chain_said_a_line_at_a_time_after_a_lead() -> None:
    # round 86: "Using the quotient rule:  $= …$" then "$= …$" on the next line, then
    # "$= …$ and using the Quotient Rule on the numerator:": each a row of the chain
    rows = (
        "Using the quotient rule:  $=  \\frac{0 \\cdot (1 + e^{-x}) - 1 \\cdot (-e^{-x})}"
        "{(1 + e^{-x})^2}$\n$= \\frac{e^{-x}}{(1 + e^{-x})^2}$\n\n"
        "$= \\frac{1}{e^{x}(1 + e^{-x})^2}$ and using the rule once more:\n\n"
        "$= \\frac{e^{-x}}{(1 + e^{-x})^2}$\n"
    )
    found = steps(SIGMOID_LINES + rows)
    assert [s.status for s in found][-4:] == ["holds"] * 4, [s.summary for s in found]
    # the twins: a wrong exponent in the second row, a wrong sign in the row after the words
    wrong = steps(
        SIGMOID_LINES
        + rows.replace(
            "$= \\frac{e^{-x}}{(1 + e^{-x})^2}$\n\n", "$= \\frac{e^{-x}}{(1 + e^{-x})^3}$\n\n", 1
        )
    )
    assert [s.status for s in wrong][-4:-2] == ["holds", "fails"], [s.summary for s in wrong]
    wrong = steps(SIGMOID_LINES + rows.replace("\\frac{1}{e^{x}(", "\\frac{-1}{e^{x}("))
    assert wrong[-2].status == "fails", wrong[-2].summary


def test_a_row_after_words_that_set_a_value_is_no_row() -> None:
    # a "$= …$" after a condition ("If $x > 0$: $= …$") is not a led row of the chain
    text = SIGMOID_LINES + "If we knew more: $= 0$\n"
    assert all(s.status != "fails" for s in steps(text))


LOGISTIC = (
    "Let $h_\\theta(x) = \\sigma(\\theta^\\top x)$ and\n\n"
    "$$J(\\theta) = -\\frac{1}{m}\\sum_{i=1}^m \\left[y^{(i)}\\log h_\\theta(x^{(i)}) + "
    "(1-y^{(i)})\\log(1-h_\\theta(x^{(i)}))\\right]$$\n\n"
)
GRADIENT = (
    "\\frac{1}{m}\\sum_{i=1}^m\\left[h_\\theta\\left(x^{(i)}\\right)-y^{(i)}\\right]\\,x_j^{(i)}"
)


@pytest.mark.parametrize("sign", [r"\underset{\text{cancel}}=", r"\underset{\text{cancel}}{=}"])
def test_an_equals_sign_with_a_note_under_it(sign: str) -> None:
    # round 86: "&\underset{\text{linearity}}= …" (the famous logistic regression answer)
    right = (
        LOGISTIC + f"$$\\frac{{\\partial J(\\theta)}}{{\\partial \\theta_j}} {sign} {GRADIENT}$$\n"
    )
    held = last(right)
    assert held.status == "holds", held.summary
    flagged = last(right.replace("-y^{(i)}\\right]", "+y^{(i)}\\right]"))
    assert flagged.status == "fails", flagged.summary


def test_a_derivative_operator_before_a_constant_applies_to_the_product() -> None:
    # \frac{\partial}{\partial \theta_j} \frac{-1}{m} \sum …: the derivative of -1/m alone (0)
    # was read, a false fail; the author's meaning is the derivative of the whole product
    loss = (
        "\\left[ y^{(i)}\\log h_\\theta(x^{(i)}) + (1 -y^{(i)})\\log(1-h_\\theta (x^{(i)}))\\right]"
    )
    right = (
        LOGISTIC + "$$\\frac{\\partial J(\\theta)}{\\partial \\theta_j} = \\frac{\\partial}"
        f"{{\\partial \\theta_j}} \\,\\frac{{-1}}{{m}}\\sum_{{i=1}}^m {loss}$$\n"
    )
    assert last(right).status == "holds", last(right).summary
    wrong = right.replace("\\right]$$", "\\right]$$").replace(") + (1 -y", ") - (1 -y")
    assert last(wrong).status == "fails", last(wrong).summary
    # a factor of the parameters before more factors: which does it apply to? not read
    unsure = right.replace("\\,\\frac{-1}{m}", "\\, h_\\theta(x^{(1)}) \\frac{-1}{m}")
    assert last(unsure).status != "fails", last(unsure).summary


def test_a_bare_superscript_beside_the_samples_label_is_the_sample() -> None:
    # "y^{i}\log(h_\theta(x^{i}))" in a text that writes y^{(i)}: the sample, not a power
    written = LOGISTIC.replace("y^{(i)}", "y^{i}").replace("x^{(i)}", "x^{i}")
    right = written + f"$$\\frac{{\\partial J}}{{\\partial \\theta_j}} = {GRADIENT}$$\n"
    assert last(right).status == "holds", last(right).summary
    wrong = right.replace("-y^{(i)}\\right]", "+y^{(i)}\\right]")
    assert last(wrong).status == "fails", last(wrong).summary


def test_a_row_break_inside_an_unclosed_parenthesis_still_breaks_the_row() -> None:
    # "\left(\log(h \left(x\right)\right) \\": a '(' left open (TeX groups only braces)
    text = (
        "Let $f(x) = x^2$.\n\n$$\\begin{aligned} f'(x) &= \\left(\\log(e^{2x}\\right) "
        "\\\\ &= 2x \\\\ &= x + x \\end{aligned}$$\n"
    )
    found = steps(text)
    assert [s.status for s in found][-1] == "holds", [s.summary for s in found]
    wrong = steps(text.replace("x + x", "x + 1"))
    assert wrong[-1].status == "fails", wrong[-1].summary


def test_a_point_with_respect_to_a_weight_is_no_value_that_exists() -> None:
    # "the derivative at a point $x$ with respect to weight $w_j$" says no x exists
    from symsoft.reading.meaning.existential import existential_names

    assert existential_names("at a point $x$ with respect to weight $w_j$") == {}
    assert existential_names("a point $c$ with $f(c) = 0$") == {"c": "line 1"}


def test_a_definition_restated_after_one_not_read_is_in_force_again() -> None:
    # round 88: y_k the softmax, then a max-shifted y_k written with C' (not read), then in the
    # derivation's own section y_k the softmax again: the steps there use that meaning
    text = (
        "$$y_k = \\frac{e^{a_k}}{\\sum_{j=1}^{n} e^{a_j}}$$\n\n## Stable\n\n"
        "$$y_k = \\frac{e^{a_k - C'}}{\\sum_{j=1}^{n} e^{a_j - C'}}$$\n\n## Derivation\n\n"
        "* **Softmax**: $y_k = \\frac{e^{a_k}}{\\sum_{j} e^{a_j}}$\n\n"
        "$$\\frac{\\partial y_k}{\\partial a_k} = y_k(1 - y_k)$$\n"
    )
    assert last(text).status == "holds", last(text).summary
    assert last(text.replace("(1 - y_k)$$", "(1 + y_k)$$")).status == "fails"


def test_a_primed_group_in_a_chain_by_a_subscripted_variable() -> None:
    # round 88: "(e^{a_i})'(\sum_j e^{a_j}) - e^{a_i}(\sum_j e^{a_j})'" under ∂y_i/∂a_i: the
    # primes are derivatives by a_i (a variable with a subscript was not matched)
    text = (
        "Let $y_i = \\frac{e^{a_i}}{\\sum_{j} e^{a_j}}$.\n\n$$\\frac{\\partial y_i}{\\partial a_i} "
        "= \\frac{ (e^{a_i})'(\\sum_{j}e^{a_j}) - e^{a_i}(\\sum_{j}e^{a_j})' }"
        "{(\\sum_{j}e^{a_j})^2}$$\n"
    )
    assert last(text).status == "holds", last(text).summary
    assert last(text.replace(") - e^{a_i}(", ") + e^{a_i}(")).status == "fails"


@pytest.mark.parametrize("separator", ["\\quad", ", \\quad", "\\qquad"])
def test_a_parameter_set_beside_a_row_is_put_in(separator: str) -> None:
    # "q_i = \frac{e^{z_i}}{\sum_j e^{z_j}} \quad T = 1" was withheld (session 75); it is now
    # judged at T = 1, and a row wrong there is flagged at that value
    text = (
        "Let $q_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$. Then\n\n"
        f"$$q_i = \\frac{{e^{{z_i}}}}{{\\sum_j e^{{z_j}}}} {separator} T = 1$$\n"
    )
    held = steps(text)[0]
    assert held.status == "holds" and held.summary.endswith("where T = 1"), held.summary
    flagged = steps(text.replace("{e^{z_i}}", "{e^{2 z_i}}"))[0]
    assert flagged.status == "fails" and "where T = 1" in flagged.summary, flagged.summary


@pytest.mark.parametrize(
    "beside",
    [
        r"\quad \text{otherwise}",
        r"\quad \text{unless } y = 1",
        r"\quad \text{if } y = 0 \text{ and } z = 0",
        r"\quad \text{if } 1 - y = 1",
    ],
)
def test_a_condition_beside_a_row_that_is_not_read_keeps_a_flag_from_standing(beside) -> None:
    # review 76 V: the condition was dropped and the step judged for every y (false fails)
    found = steps(BCE + f"$$L = -\\log(1-\\hat{{y}}) {beside}$$\n")[0]
    assert found.status == "not checked", found.summary
    # the twin: the same row with no condition is flagged
    assert last(BCE + "$$L = -\\log(1-\\hat{y})$$\n").status == "fails"


def test_a_parameter_at_a_value_in_words_beside_a_row() -> None:
    # review 76 V: "\quad \text{when } \lambda = 0" was dropped (a false fail)
    text = (
        "Let $J(w) = (w - 1)^2 + \\lambda w^2$.\n\n"
        "$$J(w) = (w-1)^2 \\quad \\text{when } \\lambda = 0$$\n"
    )
    found = steps(text)[0]
    assert found.status == "holds" and found.condition == "lambda = 0", found.summary
    wrong = steps(text.replace("(w-1)^2 \\quad", "(w+1)^2 \\quad"))[0]
    assert wrong.status == "fails", wrong.summary


@pytest.mark.parametrize("sign", [r"\underset{y=1}{=}", r"\stackrel{y=1}{=}", r"\overset{y=1}{=}"])
def test_a_case_written_on_the_equals_sign_is_not_dropped(sign: str) -> None:
    # review 76 S: the note was blanked and the step judged for every y (a false fail)
    found = steps(BCE + f"$$L {sign} -\\log\\hat{{y}}$$\n")[0]
    assert found.status == "not checked", found.summary
    # the twin: a note without a relation is a reason, and the step is judged
    assert steps(BCE + "$$L \\stackrel{(a)}{=} -\\log\\hat{y}$$\n")[0].status == "fails"


@pytest.mark.parametrize(
    ("lead", "row"),
    [
        ("Unlike the case $y = 1$, here", "-\\log\\hat{y}"),
        ("When $y = 0$ the loss is small. In all cases,", "-\\log(1-\\hat{y})"),
    ],
)
def test_a_label_value_named_in_passing_is_no_worked_example(lead: str, row: str) -> None:
    # review 76 R: "holds at the worked example (y = 1)" for a step the words put elsewhere
    found = last(BCE + f"{lead}\n\n$$L = {row}$$\n")
    assert found.status == "not checked", found.summary
    # the twin: a row wrong at both values is still flagged
    assert last(BCE + f"{lead}\n\n$$L = -\\log(2 - \\hat{{y}})$$\n").status == "fails"


CE_CHAIN = (
    "Let $y_k = \\frac{e^{a_k}}{\\sum_j e^{a_j}}$ and $L = -\\sum_k t_k \\log y_k$, where $t$ is "
    "one-hot.\n\n$$\\frac{\\partial L}{\\partial a_i} = -t_i + t_i y_i + y_i "
    "\\sum_{k \\neq i} t_k$$\n\nLEAD\n\n"
    "$$= -t_i + y_i \\left( t_i + \\sum_{k \\neq i} t_k \\right)$$\n"
)


@pytest.mark.parametrize("lead", ["Move $t_i y_i$ into the sum:", "将 $t_i y_i$ 移入求和项中："])
def test_a_term_of_the_chain_named_before_a_row_is_no_new_start(lead: str) -> None:
    # real round 88: "将 $t_i y_i$ 移入求和项中：" + "$$= …$$" continued nothing (session 75's
    # rule for an expression shown in a sentence); a term of the chain's last side is no start
    found = last(CE_CHAIN.replace("LEAD", lead))
    assert found.status == "holds", found.summary
    wrong = last(CE_CHAIN.replace("LEAD", lead).replace("y_i \\left(", "y_i \\left(-"))
    assert wrong.status == "fails", wrong.summary


def test_a_factor_named_before_a_row_is_still_a_new_start() -> None:
    # "Dividing by $\sigma(z)$ we get $$= 1 - \sigma(z)$$": σ(z) is a factor of the chain's end,
    # not a term; the row goes on from what the sentence divides, not from the chain
    text = (
        "Let $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\n"
        "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n\n"
        "Dividing by $\\sigma(z)$ we get\n\n$$= 1 - \\sigma(z)$$\n"
    )
    assert last(text).status == "not checked", last(text).summary


BACKWARD = (
    "Take one row: $P_i = e^{S_i}/Z$ with $Z = \\sum_k e^{S_k}$. As a matrix: "
    "$J = \\operatorname{diag}(P) - PP^\\top$. Now the chain rule:\n\n"
    "$$dS_j = \\sum_i dP_i \\frac{\\partial P_i}{\\partial S_j} "
    "= \\sum_i dP_i P_i(\\delta_{ij} - P_j) = RIGHT$$\n"
)


def test_the_chain_rule_in_d_names_makes_the_upstream_gradient_any_vector() -> None:
    # real round 86 (an attention backward): dS_j = \sum_i dP_i ∂P_i/∂S_j says dP is the gradient
    # the text starts from; a Jacobian J = diag(P) - PP^T is no loss that would fix it
    held = steps(BACKWARD.replace("RIGHT", "P_j\\,dP_j - P_j \\sum_i dP_i P_i"))
    assert [s.status for s in held][-2:] == ["holds", "holds"], [s.summary for s in held]
    wrong = steps(BACKWARD.replace("RIGHT", "P_j\\,dP_j + P_j \\sum_i dP_i P_i"))
    assert wrong[-1].status == "fails", wrong[-1].summary


TWO_CASES = (
    "Let $\\hat{y} = \\sigma(z)$ and $L = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$.\n\n"
    "$$L = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$$\n\nIf $y = 1$,\n\n$$= -\\log\\hat{y}$$\n\n"
    "LEAD\n\n$$= ROW$$\n"
)


@pytest.mark.parametrize("lead", ["und falls $y = 0$,", "for a negative example; and if $y = 0$,"])
def test_a_row_after_words_of_another_case_is_not_judged_from_the_case_before(lead) -> None:
    # review 76b W, AD, AG: the row after the y = 1 row was judged literally from it: the
    # other case's value repeated was "holds", the right value "fails"
    for row in ("-\\log\\hat{y}", "-\\log(1-\\hat{y})"):
        found = last(TWO_CASES.replace("LEAD", lead).replace("ROW", row))
        assert found.status == "not checked", (row, found.summary)
    # the twin: a row wrong from either start at either value is still flagged
    wrong = last(TWO_CASES.replace("LEAD", lead).replace("ROW", "-\\log(2-\\hat{y})"))
    assert wrong.status == "fails", wrong.summary


def test_a_case_row_after_an_unconditioned_row_of_the_other_case() -> None:
    # review 76b AA: "&= -\log\hat{y} \quad \text{if } y = 1 \\ &= \log(1 + e^{-z}) \\ &= … \quad
    # \text{if } y = 0": the last row goes on from L, not from the y = 1 case's second row
    text = (
        "Let $\\hat{y} = \\sigma(z)$ and $L = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$.\n\n"
        "$$\\begin{aligned} L &= -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y}) \\\\ "
        "&= -\\log\\hat{y} \\quad \\text{if } y = 1 \\\\ &= \\log(1 + e^{-z}) \\\\ "
        "&= ROW \\quad \\text{if } y = 0 \\end{aligned}$$\n"
    )
    assert last(text.replace("ROW", "\\log(1 + e^{z})")).status == "holds"
    assert last(text.replace("ROW", "\\log(1 + e^{-z})")).status == "fails"


@pytest.mark.parametrize("words", ["at", "wenn", "in the case", "under", "si"])
def test_a_condition_in_other_words_beside_a_row_keeps_a_flag_from_standing(words: str) -> None:
    # review 76b AB: "\quad \text{at } y = 0" was dropped and the row flagged for every y
    found = steps(BCE + f"$$L = -\\log(1-\\hat{{y}}) \\quad \\text{{{words} }} y = 0$$\n")[0]
    assert found.status == "not checked", found.summary
    assert steps(BCE + "$$L = -\\log(2-\\hat{y})$$\n")[0].status == "fails"


@pytest.mark.parametrize(
    "lead",
    [
        "Having done $y = 1$, we turn to the negative label:",
        "A diferencia del caso $y = 1$, aquí",
        "Contrary to the case $y = 1$,",
        "For $y = 1$ the loss is $-\\log\\hat{y}$; for the other label it is",
    ],
)
def test_a_value_set_aside_in_the_words_before_is_no_case(lead: str) -> None:
    # review 76b Z, AE: "holds at the worked example (y = 1)" and, for the right row, "fails"
    for row in ("-\\log\\hat{y}", "-\\log(1-\\hat{y})"):
        found = last(BCE + f"{lead}\n\n$$L = {row}$$\n")
        assert found.status == "not checked", (row, found.summary)
    assert last(BCE + f"{lead}\n\n$$L = -\\log(2-\\hat{{y}})$$\n").status == "fails"


@pytest.mark.parametrize("lead", ["Otherwise,", "In the other case,"])
def test_otherwise_after_a_case_row_is_the_other_value(lead: str) -> None:
    # review 76b AG: "If $y = 1$, $$= …$$ Otherwise, $$= …$$": the second row is L at y = 0,
    # judged from the chain's start (right or wrong there, so is the claim for "otherwise")
    right = last(TWO_CASES.replace("LEAD", lead).replace("ROW", "-\\log(1-\\hat{y})"))
    assert right.status == "holds" and right.condition == "y = 0", right.summary
    for slip in ("-\\log\\hat{y}", "-\\log(2-\\hat{y})"):
        wrong = last(TWO_CASES.replace("LEAD", lead).replace("ROW", slip))
        assert wrong.status == "fails" and "the other case" in wrong.summary, wrong.summary
