"""A step that holds in symsoft's default layout (vectors as columns, a Jacobian's rows the
function) in a text that says its vectors are rows or its Jacobians in the denominator layout:
it must hold in the layout the text says, else it is ambiguous."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from symsoft.reading.judge.unsure import _ambiguous, _NotChecked
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.vectors import readings

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step
    from symsoft.reading.judge.judging import _Judging
    from symsoft.reading.judge.outcome import StepResult


def as_said(
    judging: _Judging, step: Step, base: StepResult, counted: int, result: StepResult
) -> StepResult:
    """A step that holds with vectors as columns (a Jacobian's rows the function), in a
    document that says its vectors are rows or its Jacobians in the denominator layout: it
    must also hold so (``\\mathbf s \\mathbf s^\top`` is a number as rows)."""
    assert step.lhs is not None
    texts = judging._texts(step)
    if "numerator" in judging.layout and (as_rows := _row_gradient(texts, result)) is not result:
        return as_rows
    rows = [
        r
        for r in readings(*texts)
        if r.endswith("row") == ("rows" in judging.layout)
        and r.startswith("denominator") == ("denominator" in judging.layout)
    ]
    if not rows or rows[0] == "numerator" or "with vectors as rows" in result.summary:
        return result
    other = judging._in_layout(rows[0])
    try:
        as_rows = other._judge(step, replace(result, cases=()), counted)
    except _NotChecked as exc:
        why = exc.reason
    else:
        if as_rows.status == "holds":
            return result
        why = as_rows.summary
    said = " and ".join(
        words
        for layout, words in (
            ("rows", "its vectors are rows"),
            ("denominator", "it uses the denominator layout"),
        )
        if layout in judging.layout
    )
    return _ambiguous(result, f"holds with vectors as columns, but the text says {said} ({why})")


_BOLD = r"(?:\\(?:hat|tilde|bar)\s*+\{?\s*+)?\\(?:mathbf|boldsymbol|bm|vec)(?![a-zA-Z])"
# a number (not a bold vector) by a bold vector: \frac{\partial L}{\partial \mathbf{z}},
# \frac{\partial (\mathbf{x}^T \mathbf{x})}{\partial \mathbf{x}}
_NUMBER_BY_VECTOR = lazy(
    r"\\[dt]?frac\s*+\{\s*+\\partial\s*+(?!" + _BOLD + r")(?:[^{}]|\{[^{}]*+\})*+\}"
    r"\s*+\{\s*+\\partial\s*+" + _BOLD
)
_ROW_SIGNS = lazy(r"\\partial|\\nabla|\^\s*+\{?\s*+(?:T|\\top|\\intercal|\\mathsf\s*+\{?T)")


def _row_gradient(texts: tuple[str, str], result: StepResult) -> StepResult:
    """A step that holds with ``\\frac{\\partial L}{\\partial \\mathbf{z}}`` a column, in a
    text that says it uses the numerator layout, where that derivative is a row: when the
    other side writes no derivative and no transpose (``= \\mathbf{p} - \\mathbf{y}``, a
    column), the two readings differ, and the step is ambiguous."""
    for side, other in (texts, texts[::-1]):
        if _NUMBER_BY_VECTOR.search(side) and not _ROW_SIGNS.search(other):
            return _ambiguous(
                result,
                "holds with the gradient a column, but the text says it uses the numerator "
                "layout, where the derivative of a number by a column vector is a row",
            )
    return result
