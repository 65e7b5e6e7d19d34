"""Readings added in the twenty-second round of real posts. Every reading that holds has a twin
with a slip that does not."""

from __future__ import annotations

import sympy

from symsoft.algebra.evaluation import doit
from symsoft.reading.document import check_document


def summaries(text: str) -> dict[int, str]:
    """The summary of the first step on each line."""
    found: dict[int, str] = {}
    for step in check_document(text).steps:
        found.setdefault(step.line, step.summary)
    return found


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
