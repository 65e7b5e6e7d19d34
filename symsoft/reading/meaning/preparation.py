"""The reading of a document's meanings and scopes under the document's CPU budget.

Judging each step looks at the budget; reading what the names mean (every definition, every
definition given again) comes before any step and took minutes on a 5 MB file of displays.
Once the budget is spent there, every step is "not checked", with the reason; and finding the
steps of tens of thousands of displays is stopped by the budget as well (:func:`unfound`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from symsoft.reading.budget import OutOfTime, clock, time_limit
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.judge.outcome import StepResult

T = TypeVar("T")


class ReadingSpent(Exception):
    """The document's budget ran out while its meanings were read."""


def within(deadline: float, read: Callable[[], T]) -> T:
    """``read()``, interrupted when the clock passes ``deadline`` (:class:`ReadingSpent`).

    >>> within(clock() + 60, lambda: 1 + 1)
    2
    """
    left = deadline - clock()
    if left <= 0:
        raise ReadingSpent
    try:
        with time_limit(left):
            return read()
    except OutOfTime:
        raise ReadingSpent from None


def unread(text: Text, steps: list[Step], seconds: float) -> list[StepResult]:
    """Every step "not checked": the budget was spent before any was judged."""
    out = []
    for step in steps:
        line, column = text.place(step.relation.start)
        lhs = text.slice(step.lhs.start, step.lhs.end) if step.lhs else ""
        summary = (
            f"not checked: the time budget of {seconds:g} s for the document is spent "
            f"reading its definitions (column {column})"
        )
        rhs = " ".join(text.slice(step.rhs.start, step.rhs.end).split())
        out.append(
            StepResult(
                line,
                column,
                step.display,
                step.step,
                " ".join(lhs.split()),
                rhs,
                "not checked",
                summary,
            )
        )
    return out


def unfound(text: Text, displays: list[Display], seconds: float) -> list[StepResult]:
    """Each display "not checked": the budget was spent before its steps were found."""
    out = []
    for display in displays:
        line, column = text.place(display.start)
        summary = (
            f"not checked: the time budget of {seconds:g} s for the document is spent "
            f"before this display was read (column {column})"
        )
        out.append(StepResult(line, column, display.number, 1, "", "", "not checked", summary))
    return out
