"""Steps written in the cells of a Markdown table (a cheat sheet's "Derivative" column, a
summary table at the end of a post), and an equation inside a coloured group
(``\\boxed{{\\color{red} A = B}}``): found and judged, each with its wrong twin; a cell
that a "Wrong" column or an index case in its row makes a mention is no step."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

CHEATSHEET = r"""
### Activation functions

| Function | Formula | Derivative | Use Case |
|----------|---------|------------|----------|
| **Sigmoid** | $\sigma(x) = \frac{1}{1 + e^{-x}}$ | $\sigma'(x) = SIGMOID$ | Binary output |
| **Tanh** | $\tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}$ | $\tanh'(x) = TANH$ | Hidden layers |
"""


def cheatsheet(sigmoid: str, tanh: str):  # noqa: ANN201 - the StepResults
    text = CHEATSHEET.replace("SIGMOID", sigmoid).replace("TANH", tanh)
    return check_document(text).steps


def test_the_derivative_cells_of_a_table_are_steps() -> None:
    steps = cheatsheet(r"\sigma(x)(1 - \sigma(x))", r"1 - \tanh^2(x)")
    assert [(s.line, s.column, s.status) for s in steps] == [
        (6, 66, "holds"),
        (7, 74, "holds"),
    ]


@pytest.mark.parametrize(
    ("sigmoid", "tanh", "wrong"),
    [
        (r"\sigma(x)(1 + \sigma(x))", r"1 - \tanh^2(x)", 6),  # a sign slipped
        (r"\sigma(x)(1 - \sigma(x))", r"1 + \tanh^2(x)", 7),
    ],
)
def test_a_wrong_derivative_in_a_cell_is_flagged(sigmoid: str, tanh: str, wrong: int) -> None:
    steps = cheatsheet(sigmoid, tanh)
    assert [s.line for s in steps if s.flagged] == [wrong]
    assert next(s for s in steps if s.line == wrong).status == "fails"


SLIPS = r"""
Let $\sigma(x) = \frac{1}{1 + e^{-x}}$.

| Common mistake | Wrong | Right |
|---|---|---|
| forgetting the chain rule | $\sigma'(x) = \sigma(x)$ | $\sigma'(x) = \sigma(x)(1 - \sigma(x))$ |
"""


def test_a_table_of_slips_writes_no_steps() -> None:
    """The "Wrong" column holds a slip the post warns about: no step, no flag."""
    result = check_document(SLIPS)
    assert [s for s in result.steps if s.line == 6] == []
    assert not result.flagged


CASES = r"""
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$.

| Entries | Jacobian |
|---|---|
| CASE | $\frac{\partial p_i}{\partial z_j} = p_i(1 - p_i)$ |
"""


@pytest.mark.parametrize(
    "case", ["$i = j$", "diagonal", "when i = j", "Same index", "**Equal indices**"]
)
def test_a_row_that_names_its_index_case_is_no_step(case: str) -> None:
    """Read without its case the diagonal entry would hold only when i = j: a flag of a
    correct step; the row is left to the prose."""
    result = check_document(CASES.replace("CASE", case))
    assert [s for s in result.steps if s.line == 6] == []
    assert not result.flagged


def test_a_row_without_a_case_is_judged_for_every_index() -> None:
    """The twin: nothing names a case, so the entry is claimed for every i, j: flagged."""
    result = check_document(CASES.replace("CASE", "Softmax"))
    (step,) = [s for s in result.steps if s.line == 6]
    assert step.status == "holds only" and step.flagged


BOXED = r"""
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_k y_k \log p_k$.

$$
\boxed{{\color{red}\frac{\partial L}{\partial p_i} = RHS}} \tag{6}
$$
"""


def test_an_equation_in_a_coloured_box_is_a_step() -> None:
    (step,) = check_document(BOXED.replace("RHS", r"-\frac{y_i}{p_i}")).steps
    assert (step.line, step.column, step.status) == (5, 52, "holds")


def test_a_wrong_equation_in_a_coloured_box_is_flagged() -> None:
    (step,) = check_document(BOXED.replace("RHS", r"\frac{y_i}{p_i}")).steps
    assert step.status == "fails" and step.flagged


def test_the_braces_of_an_argument_stay() -> None:
    """``\\frac{\\color{red} a}{b}``: the colour's braces are the fraction's numerator."""
    text = (
        r"Let $\sigma(x) = \frac{1}{1 + e^{-x}}$."
        "\n\n"
        r"$$\sigma'(x) = \frac{{\color{red} e^{-x}}}{(1 + e^{-x})^2}$$"
    )
    (step,) = check_document(text).steps
    assert step.status == "holds"
