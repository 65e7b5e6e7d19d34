"""Session 33: what the held-out posts of rounds 33 and 33b, two red teams and a review found.
Each reading that proves a step has a wrong twin that is refuted (or, where the reading only
withholds a flag, a twin outside its premise that is still flagged)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = "# Softmax\n\nLet $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$.\n\n"
EXAMPLE = "## A small example\n\nWith $K = 2$ classes the softmax is a logistic function.\n\n"
GENERAL = "## The general case\n\nFor any number of classes,\n\n"


def _verdict(text: str) -> tuple[str, str]:
    (step,) = [s for s in check_document(text).steps if s.status != "definition"]
    return step.status, step.summary


# a size said anywhere, however it is said, never makes a step hold: three red teams wrote it in
# example sections under every kind of heading, in asides ("e.g. $K = 2$"), denied ("unlike the
# binary case with only two classes"), revoked ("But … more classes"), of another letter ("$N = 2$
# samples", "a temperature $N = 2$"); a rule that reads the words was fooled every time
LAYOUTS = [
    SOFTMAX + EXAMPLE,  # the example's own section
    "# Softmax\n\nLet $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$. With $K = 2$ classes,\n\n",
    "With only two classes, let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$.\n\n",
    SOFTMAX + "For simplicity take $K = 2$. But the same works for more classes.\n\n",
    SOFTMAX + EXAMPLE + GENERAL,  # an example section, then the general one
    SOFTMAX
    + "**Binary case.** With $K = 2$ it is a logistic.\n\n**General case.** For any $K$,\n\n",
    SOFTMAX + "Example\n=======\n\nWith $K = 2$ classes.\n\nGeneral\n=======\n\n",
    SOFTMAX + "For any $K$ (e.g. $K = 2$ for a binary problem),\n\n",
    SOFTMAX + "Unlike the binary case with only two classes, here $K$ is arbitrary.\n\n",
    SOFTMAX + "The binary case $K = 2$ reduces to the sigmoid; we now treat $K > 2$.\n\n",
    SOFTMAX + "If $K = 2$ this is the sigmoid. In general,\n\n",
    SOFTMAX + "For a batch of $N = 2$ samples and $K$ classes,\n\n",
]


def _sized(layout: str, written: str) -> tuple[str, str]:
    return _verdict(layout + f"$$\\frac{{\\partial p_1}}{{\\partial z_1}} = {written}$$\n")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("written", "status"), [("p_1 p_2", "unknown"), ("-p_1 p_2", "fails")])
def test_a_step_true_only_at_a_size_the_text_states_is_undecided(layout, written, status):
    # ∂p_1/∂z_1 = p_1 p_2 holds at N = 2 only (p_1(1 - p_1) = p_1 p_2 when p_2 = 1 - p_1); the
    # sign-flipped twin is wrong at every size, N = 2 too, and stays flagged
    found, summary = _sized(layout, written)
    assert found == status
    if status == "unknown":
        assert "holds at N = 2" in summary and "fails at N = 3" in summary


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


@pytest.mark.parametrize(
    ("given", "status"),
    [
        # h(x) = 2: a constant function (h' = 0: either sign of the rule holds for this f) or
        # h's value at a point (the rule is general): the readings disagree, so no verdict
        ("let $h(x) = 2$ be the constant normaliser", "not checked"),
        # nothing given for h: the rule is the general one, and the sign slip is wrong
        ("let $h$ be any differentiable function", "fails"),
    ],
)
def test_a_function_given_a_constant_leaves_a_rule_about_it_undecided(given, status):
    text = (
        f"Let $g(x) = x^2$ and {given}, and $f(x) = \\frac{{g(x)}}{{h(x)}}$.\n\n"
        "$$f'(x) = \\frac{g'(x) h(x) + h'(x) g(x)}{h(x)^2}$$\n"
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
    [("In the case when $x_i = \\max(x)$,", "not checked"), ("In general,", "not checked")],
)
def test_a_step_under_an_entry_given_a_value_is_not_flagged(premise, status):
    text = (
        f"Let $p_i = \\frac{{e^{{x_i}}}}{{\\sum_k e^{{x_k}}}}$. {premise} subtracting the maximum "
        "gives\n\n$$\\frac{e^{x_i - \\max(x)}}{\\sum_k e^{x_k - \\max(x)}} = "
        "\\frac{1}{\\sum_k e^{x_k - \\max(x)}}$$\n"
    )
    assert _statuses(text) == [status]  # true whenever x_i is the largest entry
    # wrong at the maximum too: flagged whatever the words say
    assert _statuses(text.replace("\\frac{1}{", "\\frac{2}{")) == ["fails"]


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


@pytest.mark.parametrize(
    ("total", "stated"),
    [("1", True), ("1 - \\epsilon", False), ("1 + \\lambda", False), ("1/2", False)],
)
def test_only_a_total_of_exactly_one_is_the_hypothesis(total, stated):
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log p_k$, where "
        f"$\\sum_k y_k = {total}$.\n\n$$\\frac{{\\partial L}}{{\\partial z_i}} = p_i - y_i$$\n"
    )
    step = check_document(text).steps[-1]
    if stated:
        assert step.status == "holds" and not step.flagged
    else:
        assert step.flagged and "does not state" in step.summary


@pytest.mark.parametrize(
    ("premise", "status"),
    [
        ("Let $i$ be the index of the largest logit.", "not checked"),
        ("For $i = \\arg\\max_k x_k$,", "not checked"),
        ("Let $i$ be the top class.", "not checked"),  # in words the reader does not know
        ("In general,", "not checked"),  # it holds whenever x_i is the largest entry
    ],
)
def test_a_step_at_the_maximum_said_in_words_is_not_flagged(premise, status):
    text = f"{premise}\n\n$$e^{{x_i - \\max(x)}} = 1$$\n"
    assert _statuses(text) == [status]
    # wrong at the maximum too (there the left side is 1): flagged whatever the words say
    assert _statuses(text.replace("= 1$$", "= 2$$")) == ["fails"]
