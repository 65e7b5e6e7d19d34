"""Entries written as code writes them, ``x[n]`` and ``S[i,k]`` (with sums of empty scripts,
``\\sum_{}^{} e^{x[k]}``); index cases said as "n and k are not equal"; and ``f(x)[n] = y[n]
= …`` defining y.  Each with a wrong twin."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.bracket_indices import spell_bracket_indices
from symsoft.reading.documents.conditions import parse_relation
from symsoft.reading.documents.spans import Display, Relation, Span, Text

POST = r"""
We define n as the output index and k as the input index.

$$y[n] = \frac{e^{x[n]}}{\sum_{}^{}e^{x[k]}}$$

The case in which n and k are not equal:

$$\frac{\partial y[n]}{\partial x[k]} = RHS$$
"""


def last(text: str):  # noqa: ANN201 - the last StepResult
    return check_document(text).steps[-1]


def test_bracketed_entries_and_the_stated_sum_are_read() -> None:
    step = last(POST.replace("RHS", "-y[n] y[k]"))
    assert step.status == "holds" and step.summary == "holds when k ≠ n"


def test_a_wrong_entry_in_brackets_is_flagged() -> None:
    step = last(POST.replace("RHS", "y[n] y[k]"))
    assert step.status == "fails" and step.flagged


QUOTIENT = r"""
We define n as the output index and k as the input index.

$$y[n] = \frac{e^{x[n]}}{\sum_{}^{}e^{x[k]}}$$

The case in which n and k are not equal:

$$\frac{\partial y[n]}{\partial x[k]} = \frac{0 \cdot \sum_{}^{} e^{x[k]} SIGN e^{x[n]} e^{x[k]}}{(\sum_{}^{} e^{x[k]})^2}$$
"""  # noqa: E501 - a display as the post writes it


def test_a_quotient_with_a_sum_beside_its_own_letter() -> None:
    """``\\sum_{}^{} e^{x[k]}`` beside a free k: the sum's terms use k alone, it runs over k."""
    step = last(QUOTIENT.replace("SIGN", "-"))
    assert step.status == "holds" and step.summary == "holds when k ≠ n"


def test_a_wrong_quotient_with_a_sum_beside_its_own_letter_is_flagged() -> None:
    step = last(QUOTIENT.replace("SIGN", "+"))
    assert step.status == "fails" and step.flagged


def test_what_brackets_are_rewritten() -> None:
    written = r"$$S[i,k] + x[n] + S[i, k] + \left[ a \right] + \sqrt[n]{x} + f(x)[n] + a[0]$$"
    text = Text.of(written)
    spell_bracket_indices(text, [Display(1, 0, Span(2, len(written) - 2))])
    assert text.slice(0, len(written)) == (
        r"$$S_{ik} + x_n  + S_{ik}  + \left[ a \right] + \sqrt[n]{x} + f(x)[n] + a[0]$$"
    )


@pytest.mark.parametrize(
    ("words", "relation"),
    [
        ("The case in which n and k are not equal", Relation("k", False, "n")),
        ("the case in which i and j are equal", Relation("i", True, "j")),
        ("when $i$ and $j$ differ", Relation("i", False, "j")),
        ("if i and j are distinct", Relation("i", False, "j")),
        ("if i and j are the same", Relation("i", True, "j")),
        ("the inputs x and y are equal", None),
    ],
)
def test_index_cases_said_of_a_pair(words: str, relation: Relation | None) -> None:
    assert parse_relation(words) == relation


CALL = r"""
The softmax is

$$f(x)[n] = y[n] = \frac{e^{x[n]}}{\sum_k e^{x[k]}}$$

and its diagonal entries are

$$\frac{\partial y[n]}{\partial x[n]} = RHS$$
"""


def test_a_chain_from_a_call_defines_the_name_it_gives() -> None:
    result = check_document(CALL.replace("RHS", "y[n](1 - y[n])"))
    assert [s.status for s in result.steps] == ["not checked", "definition", "holds"]


def test_a_wrong_diagonal_after_a_chain_from_a_call_is_flagged() -> None:
    step = last(CALL.replace("RHS", "y[n](1 + y[n])"))
    assert step.status == "fails" and step.flagged
