"""Session 33: what the red team and the held-out posts of round 33 found.  A size stated in an
example section ("with $K = 2$ classes") is a size of that section only: a step of the general
section that holds only at N = 2 is undecided there, not "holds"."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = "# Softmax\n\nLet $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$.\n\n"
EXAMPLE = "## A small example\n\nWith $K = 2$ classes the softmax is a logistic function.\n\n"
GENERAL = "## The general case\n\nFor any number of classes,\n\n"


def _verdict(text: str) -> tuple[str, str]:
    (step,) = [s for s in check_document(text).steps if s.status != "definition"]
    return step.status, step.summary


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("p_1 p_2", "holds"),  # at N = 2 the other class is class 2: true there
        ("-p_1 p_2", "fails"),  # wrong at every size
    ],
)
def test_a_size_stated_in_the_steps_own_section_decides_it(written, status):
    text = SOFTMAX + EXAMPLE + f"$$\\frac{{\\partial p_1}}{{\\partial z_1}} = {written}$$\n"
    assert _verdict(text)[0] == status


@pytest.mark.parametrize("written", ["p_1 p_2", "-p_1 p_2"])
def test_a_size_stated_in_another_section_does_not_decide_a_step(written):
    step = f"$$\\frac{{\\partial p_1}}{{\\partial z_1}} = {written}$$\n"
    text = SOFTMAX + EXAMPLE + GENERAL + step
    status, summary = _verdict(text)
    if written == "p_1 p_2":  # true at N = 2 only: the general section does not say N = 2
        assert status == "unknown" and "fails at N = 3" in summary
    else:
        assert status == "fails"


def test_a_size_stated_in_a_later_section_does_not_decide_an_earlier_step():
    text = (
        SOFTMAX
        + "$$\\frac{\\partial p_1}{\\partial z_1} = p_1 p_2$$\n\n"
        + EXAMPLE
        + "$$\\frac{\\partial p_2}{\\partial z_2} = p_1 p_2$$\n"
    )
    verdicts = [s.status for s in check_document(text).steps if s.status != "definition"]
    assert verdicts == ["unknown", "holds"]


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("", "holds"),  # under the title, beside the definition: a size of the whole text
        ("## Setting\n\n", "unknown"),  # a section of its own: of that section only
        ("**Binary case.** ", "unknown"),  # a bold lead-in opens a section
        ("A quick check\n=============\n\n", "unknown"),  # a setext heading too
        ("## 例子\n\n", "unknown"),
    ],
)
def test_a_size_of_the_whole_text_is_told_from_a_size_of_an_example(heading, status):
    text = (
        SOFTMAX
        + f"{heading}With $K = 2$ classes the softmax is a logistic function.\n\n"
        + GENERAL
        + "$$\\frac{\\partial p_1}{\\partial z_1} = p_1 p_2$$\n"
    )
    assert _verdict(text)[0] == status
    wrong = text.replace("= p_1 p_2", "= p_1 (1 + p_2)")
    assert _verdict(wrong)[0] == "fails"


QUOTIENT = (
    "The softmax is $$y_i = {e^{x_i} \\over \\sum e^{x_k}}$$\n\n"
    "For $f(x) = {g(x) \\over h(x)}$ the quotient rule says\n\n$$f'(x) = RULE$$\n\n"
    "Identify $$g(x) = e^{x_i}, \\quad h(x) = \\sum e^{x_k}$$\n\n"
    "so that $$h'(x) = e^{x_j}$$\n"
)


@pytest.mark.parametrize(
    ("rule", "status"),
    [
        ("{g'(x) h(x) - h'(x) g(x) \\over h(x)^2}", "holds"),
        ("{h'(x) g(x) - g'(x) h(x) \\over h(x)^2}", "fails"),  # the sign slip of the post
        ("\\frac{g'(x) h(x) + h'(x) g(x)}{h(x)^2}", "fails"),
    ],
)
def test_the_quotient_rule_in_function_notation_beside_a_vector_of_the_same_letter(rule, status):
    # x is the softmax's input vector (x_i) and the variable of the rule's f, g, h: h'(x) is
    # written, so h(x) = \sum e^{x_k} is function notation, not h of the vector x
    (step, *_) = [s for s in check_document(QUOTIENT.replace("RULE", rule)).steps if s.line == 5]
    assert step.status == status


SPLIT = (
    "Let $\\hat{y}_k = \\frac{e^{x_k}}{\\sum_j e^{x_j}}$.\n\n"
    "$$\\sum_k y_k \\frac{1}{\\hat{y}_k} \\frac{\\partial \\hat{y}_k}{\\partial x_i} = "
    "\\begin{cases} y_i (1 - \\hat{y}_i), & k = i \\\\ "
    "\\sum_{k \\neq i} y_k \\frac{1}{\\hat{y}_k} (TERM), & CASE \\end{cases}$$\n"
)


def test_a_case_split_over_the_summed_index_is_not_judged_as_a_case():
    # "k ≠ i" names k, which the left side sums over: the author means the other terms of the
    # sum (true term by term), not the whole sum in a case k ≠ i
    steps = check_document(
        SPLIT.replace("TERM", "-\\hat{y}_k \\hat{y}_i").replace("CASE", "k \\neq i")
    ).steps
    assert [s.status for s in steps] == ["not checked", "not checked"]
    assert "an index the step sums over" in steps[-1].summary


def test_a_case_split_over_a_free_index_is_still_judged():
    # the same step with its case on a free index: wrong as written, and flagged
    text = SPLIT.replace("TERM", "-\\hat{y}_k \\hat{y}_i").replace("CASE", "j \\neq i")
    text = text.replace("\\partial x_i", "\\partial x_j")
    assert check_document(text).steps[-1].status == "fails"


@pytest.mark.parametrize(
    ("stated", "status"),
    [
        (
            "where \\\\(\\sum_k { y_k} = 1\\\\) given \\\\({\\bf y}\\\\) is a probability vector.",
            "holds",
        ),
        ("where $\\sum_k {y_k} = 1$.", "holds"),
        ("where $\\sum_k {y_k} = 2$.", "needs"),  # no hypothesis: the step needs Σ y = 1
    ],
)
def test_a_braced_total_stated_in_a_sentence_is_the_hypothesis(stated, status):
    text = (
        "Let $p_i = \\frac{e^{o_i}}{\\sum_k e^{o_k}}$ and $L = -\\sum_k y_k \\log p_k$.\n\n"
        "\\\\[\n  \\frac{\\partial L}{\\partial o_i} = \\left( p_i \\sum_k y_k \\right) - y_i "
        "= p_i - y_i\n\\\\]\n" + stated + "\n"
    )
    step = check_document(text).steps[-1]
    if status == "holds":
        assert step.status == "holds" and "given Σ_j y_j = 1" in step.summary
    else:
        assert step.flagged and "does not state" in step.summary


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps if s.status != "definition"]


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_the_softmax_of_a_hatted_vector(sign, status):
    text = (
        "Let $r = \\text{softmax}(\\hat{y})$.\n\n"
        f"$$\\log r_i = \\hat{{y}}_i {sign} \\log \\sum_j e^{{\\hat{{y}}_j}}$$\n"
    )
    assert _statuses(text) == [status]


KOREAN = (
    "**입력**: $z = (z_1, \\ldots, z_K) \\in \\mathbb{R}^K$\n\n"
    "**출력**: $\\hat{y} = (\\hat{y}_1, \\ldots, \\hat{y}_K)$\n"
    "$$\\hat{y}_i = \\frac{e^{z_i}}{\\sum_{j=1}^K e^{z_j}} \\in (0, 1), \\quad "
    "\\sum_i \\hat{y}_i = TOTAL$$\n\n"
    "**정답**: One-hot 벡터 $y = (0, \\ldots, 1, \\ldots, 0)$\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = \\hat{y}_i \\sum_k y_k - y_i = GRADIENT$$\n\n"
    "where $L = -\\sum_k y_k \\log \\hat{y}_k$.\n"
)


@pytest.mark.parametrize(
    ("total", "gradient", "verdicts"),
    [
        ("1", "\\hat{y}_i - y_i", ["holds", "holds", "holds given Σ_j y_j = 1"]),
        ("0", "y_i - \\hat{y}_i", ["fails", "holds", "fails"]),
    ],
)
def test_a_vector_given_as_its_own_entries_and_a_one_hot_written_with_dots(
    total, gradient, verdicts
):
    # ŷ = (ŷ_1, …, ŷ_K) names the entries, no value; "\in (0, 1)" ends the step before it;
    # y = (0, …, 1, …, 0) says y is one-hot, so Σ_k y_k = 1 is stated
    text = KOREAN.replace("TOTAL", total).replace("GRADIENT", gradient)
    found = [s for s in check_document(text).steps if s.status not in ("definition", "not checked")]
    assert [s.summary.split(" (read")[0] for s in found] == verdicts
    membership = [s for s in check_document(text).steps if s.status == "not checked"]
    assert [s.summary for s in membership] == ["not checked: '\\in' is not an equality (column 52)"]


STABLE = (
    "We use $\\log$ to denote the natural logarithm.\n\n"
    "$$\\text{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}} = "
    "\\frac{e^{x_i + \\log C}}{\\sum_j e^{x_j + \\log C}}$$\n\n"
    "Here we use the rule $a \\cdot b^x = b^{x + \\log_b a}$. At least one value is 1 in the "
    "case when $x_i = \\max(x)$:\n\n$$e^{\\max(x) - \\max(x)} = 1$$\n\nThe stable form:\n\n"
    "$$\\text{softmax}(x)_i = \\frac{e^{x_i SIGN \\max(x)}}{\\sum_j e^{x_j - \\max(x)}}$$\n"
)


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_case_written_as_an_entry_equal_to_the_maximum_defines_nothing(sign, status):
    # "in the case when $x_i = \max(x)$" is no definition of x (nor of i as a maximum), and
    # \log_b in a rule is no base of the text's own logarithms, which it says are natural
    assert _statuses(STABLE.replace("SIGN", sign)) == ["holds", "holds", "not checked", status]


CASES = (
    "The softmax is $$S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n"
    "FIRST\n"
    "$$\\frac{\\partial S_i}{\\partial a_i} = \\frac{e^{a_i} \\Sigma - e^{a_i} e^{a_i}}{\\Sigma^2} "
    "= S_i (1 - S_i)$$\n\n"
    "And when $i \\neq j$\n"
    "$$\\frac{\\partial S_i}{\\partial a_j} = \\frac{0 - e^{a_i} NUMERATOR}{\\Sigma^2} "
    "= -S_i S_j$$\n\n"
    "where $\\Sigma = \\sum_k e^{a_k}$.\n"
)


@pytest.mark.parametrize(
    ("first", "numerator", "status"),
    [
        ("Thus when $i = j$, our", "e^{a_j}", "holds"),
        # the off-diagonal case computed as the diagonal one: both cases are announced, each
        # just before its display, so the step is meant for i ≠ j, and there it is wrong
        ("Thus when $i = j$, our", "e^{a_i}", "fails"),
        # the complement never announced: the case read from the prose may be misread
        ("Thus on the diagonal, our", "e^{a_i}", "not checked"),
    ],
)
def test_a_case_computed_as_the_other_case_is_flagged_when_both_are_announced(
    first, numerator, status
):
    text = CASES.replace("FIRST", first).replace("NUMERATOR", numerator)
    assert check_document(text).steps[-1].status == status


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\sinh'(x) = \\cosh(x)", "holds"),
        ("cosh'(x) = sinh(x)", "holds"),  # bare words, as a post typed them
        ("\\cosh'(x) = -\\sinh(x)", "fails"),  # the sign slip of the circular functions
        ("sinh'(x) = -cosh(x)", "fails"),
        (
            "\\frac{\\cosh(x) \\sinh'(x) - \\sinh(x) \\cosh'(x)}{\\cosh(x)^2} = 1 - \\tanh^2(x)",
            "holds",
        ),
        (
            "\\frac{\\cosh(x) \\sinh'(x) + \\sinh(x) \\cosh'(x)}{\\cosh(x)^2} = 1 - \\tanh^2(x)",
            "fails",
        ),
    ],
)
def test_primes_of_the_hyperbolic_functions(step, status):
    assert _statuses(f"For every real $x$,\n\n$${step}$$\n") == [status]


@pytest.mark.parametrize(("factor", "status"), [("2", "holds"), ("3", "fails")])
def test_indent_is_spacing(factor, status):
    rows = f"\\\\\\\\ \\indent \\indent = \\frac{{{factor} \\cosh(x)}}{{2}}"
    text = f"$$f(x) = \\frac{{e^x + e^{{-x}}}}{{2}} {rows}$$\n"
    assert _statuses(text)[-1] == status


@pytest.mark.parametrize(
    ("written", "status"), [("-\\log p_k", "holds"), ("-2 \\log p_k", "fails")]
)
def test_a_word_superscript_after_the_index_is_part_of_the_name(written, status):
    # y_i^{\text{hard}}: the name y_hard at i (not y_i to the power "hard")
    text = (
        "For a sample of true class $k$ the target is\n\n"
        "$$y_i^{\\text{hard}} = \\begin{cases} 1 & \\text{if } i = k \\\\ "
        "0 & \\text{if } i \\neq k \\end{cases}$$\n\nand the loss\n\n"
        "$$\\mathcal{L}_{\\text{CE}} = -\\sum_{i=1}^{K} y_i^{\\text{hard}} \\log p_i "
        f"= {written}$$\n"
    )
    assert _statuses(text)[-1] == status


@pytest.mark.parametrize(("sign", "status"), [("+", "holds"), ("-", "holds"), ("", "fails")])
def test_a_rule_stated_for_functions_the_text_defines_is_judged_with_them(sign, status):
    # h(x) = 2 is a function of x (a constant): h' = 0, so either sign of the quotient rule
    # holds for this f (red team); dropping the h'g term entirely does not change that, but
    # dividing by h instead of h^2 does
    rule = f"\\frac{{g'(x) h(x) {sign} h'(x) g(x)}}{{h(x)^2}}" if sign else "\\frac{g'(x)}{h(x)^2}"
    text = (
        "Let $g(x) = x^2$ and let $h(x) = 2$ be the constant normaliser, and "
        f"$f(x) = \\frac{{g(x)}}{{h(x)}}$.\n\n$$f'(x) = {rule}$$\n"
    )
    assert _statuses(text) == [status]


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("where the targets are normalised, i.e. $\\sum_k { y_k} = 1$.", "holds"),
        (
            "where the targets need not be normalised, i.e. in general $\\sum_k { y_k} \\neq 1$.",
            "fails",
        ),
    ],
)
def test_a_hypothesis_denied_by_need_not_is_not_stated(said, status):
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log p_k$, "
        + said
        + "\n\n$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n"
    )
    step = check_document(text).steps[-1]
    if status == "holds":
        assert step.status == "holds" and not step.flagged
    else:  # the flag: the step needs Σ_k y_k = 1, which the text denies
        assert step.flagged and "does not state" in step.summary


@pytest.mark.parametrize(
    ("premise", "status"),
    [("In the case when $x_i = \\max(x)$,", "not checked"), ("In general,", "fails")],
)
def test_a_step_under_an_entry_given_a_value_is_not_flagged(premise, status):
    text = (
        f"Let $p_i = \\frac{{e^{{x_i}}}}{{\\sum_k e^{{x_k}}}}$. {premise} subtracting the maximum "
        "gives\n\n$$\\frac{e^{x_i - \\max(x)}}{\\sum_k e^{x_k - \\max(x)}} = "
        "\\frac{1}{\\sum_k e^{x_k - \\max(x)}}$$\n"
    )
    assert _statuses(text) == [status]


@pytest.mark.parametrize(
    ("lead", "status"),
    [
        # a formula after "If" is a definition: the tempered softmax, whose Jacobian has 1/T
        ("If $p_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$, then", "fails"),
        # an entry given a formula after "with" is a definition too, not a premise
        ("Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$. With $z_i = w_i^\\top x$, then", "holds"),
    ],
)
def test_a_formula_after_if_or_with_is_a_definition_not_a_case(lead, status):
    text = f"{lead}\n\n$$\\frac{{\\partial p_i}}{{\\partial z_i}} = p_i(1 - p_i)$$\n"
    assert _statuses(text)[-1] == status


@pytest.mark.parametrize(
    "layout",
    [
        # no title: the first section is the example, not a preamble of the whole text
        "## A binary example\n\nWith $K = 2$ classes, LET\n\n## The general case\n\n",
        # a bold lead-in's section ends at the next paragraph of prose
        "# Softmax\n\nLET\n\n**Example.** With $K = 2$ classes it is a logistic.\n\n",
    ],
)
def test_a_size_of_an_example_opening_the_text_or_in_a_bold_lead_in_stays_there(layout):
    text = (
        layout.replace("LET", "let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$.")
        + "For any number of classes,\n\n$$\\frac{\\partial p_1}{\\partial z_1} = p_1 p_2$$\n"
    )
    assert _statuses(text) == ["unknown"]


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_function_of_a_vector_primed_at_an_entry_stays_a_function_of_the_vector(sign, status):
    # g(z) = \sum_c e^{z_c} with g'(z_i) (a partial by an entry) written: g is the vector's
    # function, as before; only h'(x) at the definition's own letter makes it function notation
    text = (
        "Let $p_j = \\frac{e^{z_j}}{\\sum_c e^{z_c}}$ and $g(z) = \\sum_c e^{z_c}$, so that "
        "$g'(z_i) = e^{z_i}$.\n\n"
        "$$\\frac{\\partial p_j}{\\partial z_i} = "
        f"\\frac{{e^{{z_j}} \\delta_{{ij}} g(z) {sign} e^{{z_j}} e^{{z_i}}}}{{[g(z)]^2}}$$\n"
    )
    assert _statuses(text)[-1] == status
