"""Orders real posts write that mean the same: a sum's superscript before its subscript
(``\\sum^{K}_{k \\neq i}``), a ``cases`` block on the left of a step as well as on its right
(a chain of case distinctions, then their closed form), and a batch average ``\\frac{1}{B}
\\sum^{B}_{j=1}`` beside the class sums ``\\sum^{K}_{k=1}`` (B counts samples, K the classes).
Every reading that holds has a twin with a slip that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.claim.claims import check_claim
from symsoft.reading.document import check_document

SOFTMAX = r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$." + "\n\n"


def _verdicts(text: str) -> list[str]:
    return [s.summary.split(":")[0] for s in check_document(text).steps if s.status != "definition"]


@pytest.mark.parametrize(
    "rhs, verdict",
    [
        ("1 - p_i", "holds"),
        ("1 + p_i", "fails"),
        ("1 - p_k", "holds only when i = k (fails when i ≠ k)"),
    ],
)
@pytest.mark.parametrize("written", [r"\sum^{K}_{k\neq i}", r"\sum\limits^K_{k \neq i}"])
def test_a_sum_with_its_superscript_first(written, rhs, verdict):
    text = SOFTMAX + f"$${written} p_k = {rhs}$$\n"
    assert _verdicts(text) == [verdict]


@pytest.mark.parametrize("rhs, status", [("1 - S_i", "proved"), ("1 + S_i", "refuted")])
def test_a_claim_with_its_superscript_first(rhs, status):
    assert check_claim(rf"\sum^{{N}}_{{k \neq i}} S_k = {rhs}").status == status


CHAIN = (
    SOFTMAX
    + r"""$$
\begin{aligned}
\frac{\partial p_i}{\partial z_j} &= \begin{cases}
  \frac{e^{z_i} \sum_k e^{z_k} - e^{z_i} e^{z_j}}{(\sum_k e^{z_k})^2} & i = j \\
  \frac{0 - e^{z_i} e^{z_j}}{(\sum_k e^{z_k})^2} & i \neq j
\end{cases} \\
&= \begin{cases} ROW_EQUAL & j = i \\ ROW_OTHER & i \neq j \end{cases} \\
&= p_i(\delta_{ij} - p_j)
\end{aligned}
$$
"""
)


def _chain(equal: str, other: str) -> list[str]:
    return _verdicts(CHAIN.replace("ROW_EQUAL", equal).replace("ROW_OTHER", other))


def test_cases_on_both_sides_are_judged_case_by_case():
    cases = ["holds when i = j", "holds when i ≠ j"]
    assert _chain("p_i(1 - p_j)", "-p_j p_i") == cases * 3


def test_a_wrong_row_is_flagged_in_its_case_only():
    found = _chain("p_i(1 - p_j)", "p_j p_i")
    assert found[2:4] == ["holds when i = j", "fails when i ≠ j"]
    assert found[4:] == ["holds when i = j", "fails when i ≠ j"]


def test_blocks_whose_cases_differ_are_not_read():
    text = SOFTMAX + (
        r"$$\begin{cases} p_i(1 - p_i) & i = j \\ -p_i p_j & i \neq j \end{cases} = "
        r"\begin{cases} p_i(1 - p_i) & i = k \\ -p_i p_j & i \neq k \end{cases}$$"
    )
    (step,) = check_document(text).steps
    assert step.status == "not checked"


AVERAGED = r"""Softmax regression over $K$ classes: $s_k = \frac{e^{z_k}}{\sum^{K}_{m=1} e^{z_m}}$.
A batch of $B$ examples is averaged, $\frac{1}{B}\sum^B_{j=1} \ell_j$.

$$\sum^{K}_{k=1} s_k = RHS$$
"""


@pytest.mark.parametrize("rhs, verdict", [("1", "holds"), ("K", "fails")])
def test_a_batch_average_beside_the_class_sums(rhs, verdict):
    assert _verdicts(AVERAGED.replace("RHS", rhs)) == [verdict]


@pytest.mark.parametrize("annotation", [r"\quad (i=1,2,…,n)", r"\qquad (i = 1, \dots, n)"])
@pytest.mark.parametrize("rhs, verdict", [("p_i", "holds"), ("-p_i", "fails")])
def test_a_range_of_the_free_index_in_parentheses_is_an_annotation(annotation, rhs, verdict):
    text = (
        SOFTMAX
        + rf"$$\frac{{\partial}}{{\partial z_i}} \log \sum_k e^{{z_k}} = {rhs} {annotation}$$"
    )
    assert _verdicts(text) == [verdict]


@pytest.mark.parametrize("written", [r"\sum\limits_{j=1, j\ne{i}}^{N}", r"\sum_{j=1,j \neq i}"])
@pytest.mark.parametrize("rhs, verdict", [("1 - p_i", "holds"), ("1 + p_i", "fails")])
def test_a_sum_with_its_start_and_an_excluded_term(written, rhs, verdict):
    text = SOFTMAX + f"$${written} p_j = {rhs}$$\n"
    assert _verdicts(text) == [verdict]
