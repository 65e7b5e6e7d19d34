"""Definitions written in vector notation (``\\mathbf{p} =
\\frac{\\exp(\\mathbf{o})}{\\mathbf{1}^\\top \\exp(\\mathbf{o})}``, ``L = -\\mathbf{y}^\\top \\log
\\mathbf{p}``), read entry by entry: every step that holds has a twin with one change that is
flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.notation.vector_definitions import entrywise_definition

SOFTMAX = r"\frac{\exp(\mathbf{o})}{\mathbf{1}^\top \exp(\mathbf{o})}"
PROSE = (
    rf"The scores $\mathbf{{o}}$ give the probabilities $\mathbf{{p}} = {SOFTMAX}$, and the loss"
    " is\n\n$$\nL = -\\mathbf{y}^\\top \\log \\mathbf{p}\n$$\n\nwith a one-hot $\\mathbf{y}$.\n\n"
)


def step(lhs: str, rhs: str, prose: str = PROSE):
    return check_document(f"{prose}$$\n{lhs} = {rhs}\n$$\n").steps[-1]


HOLDS_AND_TWIN = [
    # (left side, right side that holds, the same with one change: flagged)
    (r"\nabla_{\mathbf{o}} L", r"\mathbf{p} - \mathbf{y}", r"\mathbf{y} - \mathbf{p}"),
    (
        r"\frac{\partial \mathbf{p}}{\partial \mathbf{o}}",
        r"\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top",
        r"\operatorname{diag}(\mathbf{p}) + \mathbf{p}\mathbf{p}^\top",
    ),
    (r"\frac{\partial p_i}{\partial o_j}", r"p_i (\delta_{ij} - p_j)", r"p_i (\delta_{ij} + p_j)"),
    (r"L", r"-\sum_k y_k \log p_k", r"\sum_k y_k \log p_k"),
    (r"\mathbf{1}^\top \mathbf{p}", r"1", r"\mathbf{1}^\top \mathbf{o}"),
]


@pytest.mark.parametrize(("lhs", "rhs", "twin"), HOLDS_AND_TWIN)
def test_steps_after_a_vector_definition_hold_and_their_twins_fail(
    lhs: str, rhs: str, twin: str
) -> None:
    held = step(lhs, rhs)
    assert held.status in ("holds", "holds only"), held.summary
    wrong = step(lhs, twin)
    assert wrong.status == "fails", wrong.summary


def test_the_definitions_are_read_entry_by_entry() -> None:
    result = check_document(
        f"{PROSE}$$\n\\nabla_{{\\mathbf{{o}}}} L = \\mathbf{{p}} - \\mathbf{{y}}\n$$\n"
    )
    assert [s.status for s in result.steps] == ["definition", "holds"]


@pytest.mark.parametrize(
    ("lhs", "rhs", "reason"),
    [
        # a plain letter defined as a vector: is it one? not read
        ("p", SOFTMAX, "no shape in common"),
        # a matrix: the outer product
        (r"\mathbf{P}", r"\mathbf{p}\mathbf{p}^\top", "no shape in common"),
        # a Jacobian's layout decides the value
        (r"\mathbf{g}", r"\frac{\partial L}{\partial \mathbf{o}}", "Jacobian"),
        # written out: values of a worked example, not a definition of every entry
        (r"\mathbf{p}", r"\begin{bmatrix} 0.2 \\ 0.8 \end{bmatrix}", "written out"),
    ],
)
def test_a_vector_definition_without_one_reading_is_not_read(
    lhs: str, rhs: str, reason: str
) -> None:
    found = entrywise_definition(lhs, rhs)
    assert isinstance(found, str) and reason in found, found


def test_a_definition_without_vector_notation_is_left_to_the_index_reader() -> None:
    assert entrywise_definition("L", r"-\sum_k y_k \log p_k") is None


def test_a_wrong_vector_definition_changes_the_verdicts() -> None:
    # p as exp(o) over the sum of o (not of exp(o)): the gradient p - y no longer holds
    wrong = PROSE.replace(SOFTMAX, r"\frac{\exp(\mathbf{o})}{\mathbf{1}^\top \mathbf{o}}")
    found = step(r"\nabla_{\mathbf{o}} L", r"\mathbf{p} - \mathbf{y}", wrong)
    assert found.status == "fails", found.summary


TEMPERATURE = PROSE.replace(
    SOFTMAX, SOFTMAX.replace(r"(\mathbf{o})", r"\left(\frac{\mathbf{o}}{T}\right)")
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"\frac{1}{T}(\mathbf{p} - \mathbf{y})", "holds"),
        (r"\frac{1}{T}\left(\mathbf{p} - \mathbf{y}\right)", "holds"),
        (r"\frac{1}{T}(\mathbf{y} - \mathbf{p})", "fails"),  # sign flipped
        (r"\mathbf{p} - \mathbf{y}", "fails"),  # the temperature dropped
        (r"\frac{1}{2}(\mathbf{p} - \mathbf{y})", "fails"),
    ],
)
def test_a_fraction_of_numbers_before_a_group_of_vectors_multiplies_it(
    rhs: str, status: str
) -> None:
    assert r"\frac{\mathbf{o}}{T}" in TEMPERATURE
    found = step(r"\nabla_{\mathbf{o}} L", rhs, TEMPERATURE)
    assert found.status == status, found.summary
