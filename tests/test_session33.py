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
        ("## Setting", "holds"),  # a size of the whole text, stated where the text sets up
        ("**Binary case**", "unknown"),  # a case: its size is its own
        ("## 例子", "unknown"),
    ],
)
def test_a_size_of_the_whole_text_is_told_from_a_size_of_an_example(heading, status):
    text = (
        SOFTMAX
        + f"{heading}\n\nWith $K = 2$ classes the softmax is a logistic function.\n\n"
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
    "case when $x_i = \\max(x)$: $e^{\\max(x) - \\max(x)} = 1$.\n\n"
    "$$\\text{softmax}(x)_i = \\frac{e^{x_i SIGN \\max(x)}}{\\sum_j e^{x_j - \\max(x)}}$$\n"
)


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_case_written_as_an_entry_equal_to_the_maximum_defines_nothing(sign, status):
    # "in the case when $x_i = \max(x)$" is no definition of x (nor of i as a maximum), and
    # \log_b in a rule is no base of the text's own logarithms, which it says are natural
    assert _statuses(STABLE.replace("SIGN", sign)) == ["holds", "holds", status]


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
