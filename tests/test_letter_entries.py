"""A letter applied to one entry of a vector, ``s(z_i)``, is read as the entry ``s_i`` of a
function the document defines on entries (``s(z_i) = \\frac{e^{z_i}}{\\sum_k e^{z_k}}``);
without that definition it stays ambiguous. Every step that holds has a twin with one change
that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.letter_entries import spell_letter_entries
from symsoft.reading.documents.spans import Text

DEFINED = r"$$s(z_i) = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$$" + "\n\n"


def last(text: str):
    return check_document(text).steps[-1]


HOLDS_AND_TWIN = [
    # (definition, left side, right side that holds, the same with one change: flagged)
    (
        DEFINED,
        r"\frac{\partial s(z_j)}{\partial z_i}",
        r"s(z_j)(\delta_{ij} - s(z_i))",
        r"s(z_j)(\delta_{ij} + s(z_i))",
    ),
    (
        DEFINED,
        r"\frac{\partial}{\partial z_i} \left(- \sum_{k=1}^{K} y_k \log s(z_k)\right)",
        r"s(z_i) \sum_{k=1}^{K} y_k - y_i",
        r"s(z_i) \sum_{k=1}^{K} y_k - y_k",
    ),
    (
        r"$$p(x_k) := \frac{\exp(x_k)}{\sum_{j} \exp(x_j)}$$" + "\n\n",
        r"\frac{\partial \log p(x_k)}{\partial x_k}",
        r"1 - p(x_k)",
        r"1 - p(x_j)",
    ),
    (  # the sum's index reuses the defined one, as a notebook post writes it
        r"$$f(a_i) = \frac{e^{a_i}}{\sum^{N}_{i=1} e^{a_i}}$$" + "\n\n",
        r"\frac{\partial f(a_i)}{\partial a_i}",
        r"f(a_i)(1 - f(a_i))",
        r"f(a_i)(1 - f(a_i))^2",
    ),
]


@pytest.mark.parametrize(("definition", "lhs", "holds", "slip"), HOLDS_AND_TWIN)
def test_a_letter_defined_on_an_entry_is_that_entry(definition, lhs, holds, slip):
    right = last(f"{definition}$${lhs} = {holds}$$\n")
    assert right.status == "holds", right.summary
    wrong = last(f"{definition}$${lhs} = {slip}$$\n")
    assert wrong.flagged, wrong.summary
    assert wrong.status in ("fails", "holds only"), wrong.summary


def test_the_twin_without_a_definition_stays_ambiguous():
    step = last(r"$$\frac{\partial s(z_j)}{\partial z_j} = s(z_j)(1 + s(z_j))$$" + "\n")
    assert step.status == "not checked"
    assert "ambiguous 's(z_j)'" in step.summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"$s(z_i) = \frac{e^{z_i}}{Z}$ and $s(z_k)$", ["s"]),
        # no definition on an index letter: s(z_1) = … defines one entry only
        (r"$s(z_1) = \frac{e^{z_1}}{Z}$ and $s(z_k)$", []),
        # s_i written too: another name
        (r"$s(z_i) = \frac{e^{z_i}}{Z}$ and $s_i$", []),
        # s applied to something else than an entry of z
        (r"$s(z_i) = \frac{e^{z_i}}{Z}$ and $s(x)$", []),
        # entries of two vectors
        (r"$s(z_i) = \frac{e^{z_i}}{Z}$ and $s(a_k)$", []),
        # e and d are never names
        (r"$e(z_i) = 1$", []),
    ],
)
def test_which_letters_are_read_as_entries(text, expected):
    assert spell_letter_entries(Text.of(text)) == expected


def test_an_entry_with_two_indices_is_left_as_written():
    text = Text.of(r"$s(z_i) = \frac{e^{z_i}}{Z}$, $s(z_{j,i})$")
    assert spell_letter_entries(text) == ["s"]
    assert text.slice(0, len(text.chars)).endswith(r"$s(z_{j,i})$")


@pytest.mark.parametrize("log", ["logS\\left(x_{i}\\right)", "lnS(x_i)", "\\log S(x_i)"])
@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_function_of_an_entry_written_against_a_bare_log(log, sign, status):
    text = (
        "$$S(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$$\n\n"
        f"$$L = -\\sum_i y_i {log}$$\n\n"
        f"$$\\frac{{\\partial L}}{{\\partial x_k}} = S(x_k)\\sum_i y_i {sign} y_k$$\n"
    )
    step = check_document(text).steps[-1]
    assert (step.status, step.flagged) == (status, status == "fails")
