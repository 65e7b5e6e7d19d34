"""Readings added in the twenty-second round of real posts. Every reading that holds has a twin
with a slip that does not."""

from __future__ import annotations

import sympy

from symsoft.algebra.evaluation import doit
from symsoft.reading.document import check_document
from tests.steps import summaries

CLASS_C = (
    "Let $\\sigma_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and "
    "$\\mathcal{L} = -\\log \\sigma_c$ for the true class $c$.\n\n"
    "For $j = c$ (diagonal):\n"
    "$$\\frac{\\partial \\mathcal{L}}{\\partial z_c} = -\\frac{1}{\\sigma_c} \\cdot "
    "\\sigma_c(1 - \\sigma_c) = \\sigma_c - 1$$\n\n"
    "For $j \\neq c$ (off-diagonal):\n"
    "$$\\frac{\\partial \\mathcal{L}}{\\partial z_j} = -\\frac{1}{\\sigma_c} \\cdot "
    "(-\\sigma_c\\sigma_j) = \\sigma_j$$\n"
)


def test_a_case_of_letters_outside_i_to_n_is_read_when_both_are_subscripts():
    found = summaries(CLASS_C)
    assert found[7].startswith("holds when c ≠ j"), found[7]
    slipped = CLASS_C.replace(
        "(-\\sigma_c\\sigma_j) = \\sigma_j", "(-\\sigma_c\\sigma_j) = -\\sigma_j"
    )
    second = [s.summary for s in check_document(slipped).steps if s.line == 7][1]
    assert second.startswith("fails"), second
    # c is not a subscript of the text: the words announce no case, and the step is not cased
    unnamed = summaries(CLASS_C.replace("For $j \\neq c$", "For $j \\neq q$"))
    assert not unnamed[7].startswith("holds when"), unnamed[7]


FROM_ZERO = (
    "Let $y_n = \\frac{1}{1 + \\exp(-a_n)}$ with $a_n = w_0 x_n + w_1$. The loss is\n"
    "$E = -\\sum_{n=0}^{N-1} (t_n \\log y_n + (1 - t_n) \\log(1 - y_n))$.\n\n"
    "$$\\frac{1}{N} \\sum_{n=0}^{N-1} \\frac{ y_{n} - t_{n} }{ (1-y_{n}) y_{n} } \\cdot "
    "(1 - y_{n}) y_{n} \\cdot x_{n} = \\frac{1}{N} \\sum_{n=0}^{N-1} ( y_{n} - t_{n} ) x_{n}$$\n"
)


def test_sums_written_from_zero_are_read_as_written_and_proved_term_by_term():
    # both sums run over n = 0 … N-1 as written (w_0 names a weight, not a class); the bodies
    # expand apart, but brought under one sum their terms cancel
    assert summaries(FROM_ZERO)[4] == "holds"
    flipped = FROM_ZERO.replace("( y_{n} - t_{n} ) x_{n}$$", "( t_{n} - y_{n} ) x_{n}$$")
    assert summaries(flipped)[4].startswith("fails")
    dropped = FROM_ZERO.replace("( y_{n} - t_{n} ) x_{n}$$", "( y_{n} - t_{n} )$$")
    assert summaries(dropped)[4].startswith("fails")


def test_a_sum_from_zero_without_its_upper_bound_stays_ambiguous():
    # \sum_{n=0} alone: where it ends is not written, so where the text counts from matters
    text = FROM_ZERO.replace("^{N-1}", "")
    assert not summaries(text)[4].startswith(("holds", "fails"))


def test_a_positive_index_summed_from_zero_at_size_one_is_evaluated():
    # SymPy's dummy of Σ_{n=0}^{0} with a positive n would be positive and non-positive at once
    n = sympy.Symbol("n", integer=True, positive=True)
    x = sympy.IndexedBase("x")
    assert doit(sympy.Sum(x[n] + 1, (n, 0, 0))) == x[0] + 1
    assert doit(sympy.Sum(x[n], (n, 0, 1))) == x[0] + x[1]


def test_a_softmax_defined_from_zero_is_not_compared_with_symsofts_own_from_one():
    # the text counts from 0 and defines softmax by its own sum; symsoft's softmax runs from 1,
    # so reading the definition against it proves nothing either way
    text = "$\\text{softmax}(x_{i}) = \\frac{e^{x_{i}}}{\\sum_{k=0}^{N} e^{x_{k}}}$\n"
    assert not check_document(text).steps[0].flagged


SECTION = (
    "## The derivative\n\n"
    "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$.\n\n"
    "Case two: $i \\neq j$, $k = l$, and then\n\n"
    "Likewise\n\n"
    "$$\\frac{\\partial S_i}{\\partial a_j} = -S_i S_j$$\n"
)


def test_a_case_said_in_the_section_leaves_a_one_case_step_undecided():
    # the case "i ≠ j, k = l" is two relations, not read; the display after it is meant for it
    step = check_document(SECTION).steps[-1]
    assert not step.flagged and "speaks of index cases" in step.summary, step.summary
    # without the case said, the step holds only when i ≠ j, and is flagged
    plain = SECTION.replace("Case two: $i \\neq j$, $k = l$, and then\n\n", "")
    assert check_document(plain).steps[-1].summary.startswith("holds only when i ≠ j")
    # a slip that fails in every case is flagged with the case said, too
    slipped = check_document(SECTION.replace("= -S_i S_j", "= S_i S_j")).steps[-1]
    assert slipped.flagged and slipped.summary.startswith("fails"), slipped.summary


def test_one_relation_or_both_cases_of_a_pair_said_earlier_announce_no_one_case():
    between = "\n\n$$S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n"
    for said in (
        "Substituting for when $i = j$ and $i\\ne{j}$, $k = l$, we get:",  # both cases of i, j
        "Here $\\delta_{ij}$ is 1 when $i = j$ and 0 otherwise:",  # a mention, no case
    ):
        text = SECTION.replace("Case two: $i \\neq j$, $k = l$, and then", said + between)
        step = check_document(text).steps[-1]
        assert step.flagged and step.summary.startswith("holds only when i ≠ j"), step.summary


FENCED = (
    "Softmax:\n```\np_i = exp(z_i) / Σ_j exp(z_j)\n```\n\n"
    "Cross-entropy (with one-hot target `y`):\n```\nL = -Σ_j y_j × log(p_j)\n```\n\n"
    "When `j ≠ i`:\n```\ndp_j/dz_i = -p_j × p_i\n```\n\n"
    "```\ndL/dz_i = Σ_j (-y_j / p_j) × (dp_j/dz_i)\n```\n\n"
    "Split into `j = i` and `j ≠ i`:\n\n"
    "```\n= (-y_i / p_i) × p_i(1 - p_i)  +  Σ_{j≠i} (-y_j / p_j) × (-p_j × p_i)\n"
    "= -y_i + p_i × Σ_j y_j\n```\n"
)


def test_a_fenced_block_of_plain_equations_is_read_with_its_cases_said_in_code():
    found = check_document(FENCED).steps
    assert [s.summary for s in found] == [
        "definition of p_{i}",
        "definition of L",
        "holds when i ≠ j",
        "holds",
        "holds",
        "holds",
    ], [s.summary for s in found]
    slipped = check_document(FENCED.replace("-p_j × p_i\n```", "p_j × p_i\n```")).steps
    assert slipped[2].summary.startswith("fails")
    dropped = check_document(FENCED.replace("= -y_i + p_i × Σ_j y_j", "= -y_i + Σ_j y_j")).steps
    assert dropped[-1].summary.startswith("fails")


def test_a_fenced_block_of_code_or_with_a_language_is_never_read():
    code = "```\nx = x + 1\ny = model(x)\n```\n"
    assert not check_document(code).steps
    tagged = FENCED.replace("```\ndp_j/dz_i", "```python\ndp_j/dz_i")
    assert len(check_document(tagged).steps) == 5


def test_a_derivative_by_a_group_does_not_make_d_a_name():
    text = FENCED + "\n```\ndL/d(logits) = predictions - targets\n```\n"
    assert [s.summary for s in check_document(text).steps][3] == "holds"


def test_cfrac_is_a_fraction_and_braces_around_a_display_are_no_group():
    text = (
        "Let $S_i = \\cfrac{e^{a_i}}{\\sum_k e^{a_k}}$.\n\n$${\\begin{aligned}\n"
        "\\cfrac{\\partial S_i}{\\partial a_i} & = \\frac{e^{a_i} \\sum_k e^{a_k} - e^{a_i} "
        "e^{a_i}}{(\\sum_k e^{a_k})^2} \\\\\\\\\n& = S_i (1 - S_i)\n\\end{aligned}}$$\n"
    )
    assert [s.summary for s in check_document(text).steps] == ["holds", "holds"]
    wrong = check_document(text.replace("S_i (1 - S_i)", "S_i (1 + S_i)")).steps
    assert wrong[1].summary.startswith("fails")


BCE_CASE = (
    "$$\\text{Loss} = -[y \\log(p) + (1 - y) \\log(1 - p)]$$\n\n"
    "- $y$: label\n- $p$: predict\n\n"
    ">当答案是 1 的情况\n\n"
    "$$\\text{Loss} = -\\log(p)$$\n"
)


def test_a_label_value_named_in_the_words_before_a_step_leaves_it_undecided():
    step = check_document(BCE_CASE).steps[-1]
    assert not step.flagged and "it holds at y = 1, which the words before it name" in (
        step.summary
    ), step.summary
    # no value named: the step fails at y = 0
    plain = check_document(BCE_CASE.replace(">当答案是 1 的情况\n\n", "")).steps[-1]
    assert plain.flagged and plain.summary.startswith("fails at y = 0"), plain.summary
    # a slip that holds at neither value is flagged whatever the words say
    slipped = check_document(BCE_CASE.replace("-\\log(p)$$", "\\log(p)$$")).steps[-1]
    assert slipped.flagged, slipped.summary


def test_dots_straight_after_a_term_are_the_run_of_a_sum():
    text = (
        "Let $S_i = \\frac{e^{x_i}}{\\sum_{k=1}^{K} e^{x_k}}$.\n\n"
        "$$\\frac{\\partial S_i}{\\partial x_i} =\\frac{e^{x_i}*({e^{x_1}+e^{x_2}...+e^{x_K}})"
        "-e^{x_i}*e^{x_i}}{(e^{x_1}+e^{x_2}...+e^{x_K})^2}$$\n"
    )
    assert check_document(text).steps[0].summary == "holds"
    slipped = text.replace("-e^{x_i}*e^{x_i}", "+e^{x_i}*e^{x_i}")
    assert check_document(slipped).steps[0].summary.startswith("fails")
    # a run that stops short of the size is not the whole sum, and is not read as one
    short = text.replace("e^{x_2}...+e^{x_K}})", "e^{x_2}...+e^{x_3}})")
    assert not check_document(short).steps[0].summary.startswith("holds")


def test_ln_and_log_written_against_one_letter_are_its_logarithm():
    text = (
        "Let $y_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
        "$$Loss_i = -lny_i$$\n\n"
        "$$\\frac{\\partial Loss_i}{\\partial z_i} = y_i - 1$$\n"
    )
    assert [s.summary for s in check_document(text).steps][1] == "holds"
    slipped = check_document(text.replace("= y_i - 1", "= 1 - y_i")).steps[1]
    assert slipped.summary.startswith("fails")
    # a longer word (logit) is no logarithm of one letter, and stays unread
    longer = check_document(text.replace("-lny_i", "-logit_i")).steps[0]
    assert longer.status == "not checked"


SWITCH = (
    "Let $u = x^2$, so\n\n$$\\frac{du}{dx} = 2x$$\n\n"
    "Later we switch to $u = x^3$:\n\n$$\\frac{du}{dx} = 3x^2$$\n"
)


def test_a_name_given_another_value_in_a_sentence_leaves_later_flags_undecided():
    # red team r19f: the second value is said without a cue word and not read; the step after
    # it means that value, so a flag would rest on the first definition alone
    first, second = check_document(SWITCH).steps
    assert first.summary == "holds"
    assert not second.flagged and "u is given another value at line 5" in second.summary
    # without the second value the step is a slip, and flagged
    plain = SWITCH.replace("Later we switch to $u = x^3$:", "Then:")
    assert check_document(plain).steps[1].summary.startswith("fails")
    # a slip before the second value is still flagged
    early = SWITCH.replace("= 2x$$", "= 3x$$")
    assert check_document(early).steps[0].summary.startswith("fails")


LISTED = (
    "softmax 把 $K$ 个实数 $x_1, x_2, \\dots, x_K$ 变成概率:\n\n"
    "$$y_i = \\cfrac{e^{x_i}}{e^{x_1}+e^{x_2}...+e^{x_K}}$$\n\n"
    "**第一种情况：$i = j$**\n\n"
    "$$\\cfrac{\\partial y_i}{\\partial x_j} = y_i (1 - y_i)$$\n\n"
    "用 $\\delta_{ij}$ 表示 $i = j$ 时为 1、否则为 0，两种情况可以写成一个式子：\n\n"
    "$$\\cfrac{\\partial y_i}{\\partial x_j} = y_i (\\delta_{ij} - y_j)$$\n"
)


def test_the_last_entry_of_a_dotted_list_counts_the_classes_and_both_cases_are_no_case():
    steps = check_document(LISTED).steps
    assert [s.summary for s in steps] == ["definition of y_i", "holds when i = j", "holds"]
    slipped = check_document(LISTED.replace("y_i (1 - y_i)$$", "y_i (1 + y_i)$$")).steps
    assert slipped[1].summary.startswith("fails")
    # "two cases written as one": the combined formula is judged in every case, not at i = j
    swapped = check_document(LISTED.replace("- y_j)$$", "- y_i)$$")).steps[2]
    assert not swapped.summary.startswith("holds"), swapped.summary


def test_a_case_said_with_codes_double_equals_is_read():
    # red team r10, r48: "When `i == j`:" is the case i = j (a flag there was false)
    text = FENCED.replace("When `j ≠ i`:", "When `i == j`:").replace(
        "dp_j/dz_i = -p_j × p_i", "dp_i/dz_j = p_i × (1 - p_i)"
    )
    assert check_document(text).steps[2].summary == "holds when i = j"
    slipped = check_document(text.replace("p_i × (1 - p_i)", "p_i × (1 + p_i)")).steps[2]
    assert slipped.summary.startswith("fails")


BIAS = (
    "Let $\\hat y = w x + b$ and $L = (\\hat y - y)^2$.\n\n"
    "$$\\frac{\\partial L}{\\partial w} = 2(\\hat y - y)x$$\n\n"
    "Similarly, for the bias $b$:\n\n$$= 2(\\hat y - y)$$\n"
)


def test_words_naming_another_variable_end_the_chain_before_a_row_starting_with_equals():
    # red team r42, r43: "for the bias $b$: $$= 2(ŷ - y)$$" is ∂L/∂b, not ∂L/∂w (a false flag)
    first, second = check_document(BIAS).steps
    assert first.summary == "holds" and not second.flagged
    assert "continues nothing" in second.summary
    # a case announced between keeps the chain: "For $i = j$:" is no new variable
    kept = BIAS.replace("Similarly, for the bias $b$:", "Expanding:").replace(
        "= 2(\\hat y - y)$$", "= 2\\hat y x - 2 y x$$"
    )
    assert check_document(kept).steps[1].summary == "holds"
    wrong = kept.replace("- 2 y x$$", "+ 2 y x$$")
    assert check_document(wrong).steps[1].summary.startswith("fails")
