"""Entries written as code writes them (``S[i,k]``, ``W_2[m,n]``, an equation wrapped whole in
``\\mathrm{…}``), as in the posts that backpropagate a softmax layer of a batch. Every reading
that holds has a twin with a slip that does not."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.bracket_indices import spell_bracket_indices
from symsoft.reading.documents.spans import Display, Span, Text
from tests.steps import summaries

UPRIGHT = (
    "For the i-th example the k-th node of the output layer computes\n\n"
    "$$\\mathrm{O_2[i,k] = \\frac{e^{A[i,k]}}{\\sum_{p=1}^K e^{A[i,p]}}}$$\n\n"
    "$$\\frac{\\partial O_2[i,k]}{\\partial A[i,k]} = O_2[i,k] \\times (1 - O_2[i,k])$$\n"
)


def test_an_upright_equation_of_numbered_entries_is_a_definition_and_its_derivative_holds():
    found = summaries(UPRIGHT)
    assert found[3].startswith("definition"), found[3]
    assert found[5] == "holds", found[5]


@pytest.mark.parametrize(
    "slipped",
    [
        "O_2[i,k] \\times (O_2[i,k] - 1)$$",  # the sign
        "O_2[i,k] \\times (1 - O_2[i,k])^2$$",  # a square too many
        "(1 - O_2[i,k])$$",  # the factor dropped
    ],
)
def test_a_slip_in_the_derivative_of_a_numbered_entry_fails(slipped):
    text = UPRIGHT.replace("O_2[i,k] \\times (1 - O_2[i,k])$$", slipped)
    assert summaries(text)[5].startswith("fails"), summaries(text)[5]


def test_a_swapped_index_is_not_the_diagonal():
    # A[k,i]: the row and the class exchanged; never "holds"
    text = UPRIGHT.replace("\\partial A[i,k]}", "\\partial A[k,i]}")
    assert not summaries(text)[5].startswith("holds"), summaries(text)[5]


LETTERS = (
    "The scores form a matrix, one row an example: $Z[i,k]$.\n\n"
    "$$P[i,k] = \\frac{e^{Z[i,k]}}{\\sum_{p=1}^K e^{Z[i,p]}}$$\n\n"
    "$$\\frac{\\partial P[i,k]}{\\partial Z[i,k]} = P[i,k] - P[i,k]^2$$\n"
)


def test_entries_of_one_letter_are_read_as_one_row():
    assert summaries(LETTERS)[5] == "holds", summaries(LETTERS)[5]
    flipped = LETTERS.replace("P[i,k] - P[i,k]^2$$", "P[i,k]^2 - P[i,k]$$")
    assert summaries(flipped)[5].startswith("fails"), summaries(flipped)[5]


AT_THE_LABEL = (
    "$$\\mathrm{O_2[i,k] = \\frac{e^{A[i,k]}}{\\sum_{p=1}^K e^{A[i,p]}}}$$\n\n"
    "where $y_i$ is the correct label of example i, and the loss of that example is\n\n"
    "$$L_i = -\\log O_2[i, y_i]$$\n"
)


def test_an_entry_at_the_class_of_a_label_stays_not_checked_and_says_why():
    steps = [s for s in check_document(AT_THE_LABEL).steps if s.line == 5]
    assert steps and all(s.status == "not checked" for s in steps)
    assert "entry at the class of a label" in steps[0].summary, steps[0].summary


def _rewritten(body: str) -> str:
    text = Text.of(f"$${body}$$")
    spell_bracket_indices(text, [Display(1, 0, Span(2, 2 + len(body)))])
    return text.slice(2, 2 + len(body))


@pytest.mark.parametrize(
    "body",
    [
        "x \\in [0, 1]",  # an interval
        "v = [2,2,2]",  # a vector literal
        "\\left[ a, b \\right] = c",  # a group
        "s = [x_j]",  # a list
        "\\sqrt[n]{x} = y",
    ],
)
def test_brackets_that_are_no_entries_are_left_as_written(body):
    assert _rewritten(body) == body


def test_the_rewrite_keeps_the_columns():
    body = "\\mathrm{U[i,k] = e^{S[i,k]} + \\frac{dS[i,k]}{dW_2[m,n]} + b_2[k]}"
    written = _rewritten(body)
    assert len(written) == len(body)
    assert "U_{ik}" in written and "dS_{ik}" in written and "[" not in written
    assert "\\mathrm" not in written


PER_SAMPLE = (
    "The loss of example i is\n\n"
    "$$L_i = \\frac{1}{2} (w x_i - t_i)^2$$\n\n"
    "and the total loss is the sum over the examples:\n\n"
    "$$L = \\sum_{i=1}^{N} L_i$$\n\n"
    "$$\\frac{dL}{dw} = \\sum_{i=1}^{N} \\frac{dL_i}{dw}$$\n\n"
    "$$\\frac{dL_i}{dw} = (w x_i - t_i) x_i$$\n\n"
    "$$\\frac{dL}{dw} = \\sum_{i=1}^{N} (w x_i - t_i) x_i$$\n"
)


def test_the_loss_of_one_example_beside_the_total_are_two_names():
    found = summaries(PER_SAMPLE)
    assert found[3].startswith("definition"), found[3]
    assert found[7].startswith("definition"), found[7]
    assert [found[9], found[11], found[13]] == ["holds"] * 3, found


def test_a_sign_slip_in_the_gradient_of_one_example_fails():
    text = PER_SAMPLE.replace("dw} = (w x_i - t_i) x_i$$", "dw} = (t_i - w x_i) x_i$$")
    assert summaries(text)[11].startswith("fails"), summaries(text)[11]


def test_a_swapped_factor_in_the_gradient_of_one_example_fails():
    text = PER_SAMPLE.replace("dw} = (w x_i - t_i) x_i$$", "dw} = (w x_i - t_i) t_i$$")
    assert summaries(text)[11].startswith("fails"), summaries(text)[11]


def test_the_total_written_without_its_sum_is_never_said_to_hold():
    text = PER_SAMPLE.replace(
        "$$\\frac{dL}{dw} = \\sum_{i=1}^{N} (w x_i", "$$\\frac{dL}{dw} = (w x_i"
    )
    assert not summaries(text)[13].startswith(("holds", "fails")), summaries(text)[13]
    dropped = PER_SAMPLE.replace(
        "\\frac{dL}{dw} = \\sum_{i=1}^{N} \\frac{dL_i}{dw}", "\\frac{dL}{dw} = \\frac{dL_i}{dw}"
    )
    assert not summaries(dropped)[9].startswith("holds"), summaries(dropped)[9]


def test_sums_over_other_examples_leave_the_two_names_unread():
    # L = \sum_{i=0}^{N} L_i, then the derivative summed from 1: which examples? not read
    text = PER_SAMPLE.replace("$$L = \\sum_{i=1}^{N} L_i$$", "$$L = \\sum_{i=0}^{N} L_i$$")
    found = summaries(text)
    assert not any(s.startswith(("holds", "fails")) for s in found.values()), found
    assert "sums L_i over i = 0 to N and over i = 1 to N" in found[7], found[7]


def test_the_mean_of_the_examples_losses_with_another_letter():
    text = (
        "For one example, $\\ell_i = (w x_i - t_i)^2$.\n\n"
        "$$J = \\frac{1}{m} \\sum_{i=1}^{m} \\ell_i$$\n\n"
        "$$\\frac{dJ}{dw} = \\frac{1}{m} \\sum_{i=1}^{m} 2 (w x_i - t_i) x_i$$\n"
    )
    assert summaries(text)[5] == "holds", summaries(text)[5]
    flipped = text.replace("2 (w x_i - t_i) x_i$$", "2 (t_i - w x_i) x_i$$")
    assert summaries(flipped)[5].startswith("fails"), summaries(flipped)[5]


def test_an_upright_matrix_equation_without_entries_is_left_as_written():
    # S = O_1 W_2 + b_2: the matrices, a bias broadcast over the rows; not read as entries
    body = "\\mathrm{S = O_1W_2 + b_2}"
    assert _rewritten(body) == body
