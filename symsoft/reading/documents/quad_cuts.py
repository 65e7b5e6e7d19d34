"""A row cut at a bare ``\\quad`` (``A = B \\quad C = D``): the two steps beside the cut carry
their reading as one side ``B \\quad C`` (a space between factors, perhaps), which the judge
tries where the cut reading is flagged (judge/rendered.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from symsoft.reading.documents.spans import Span
from symsoft.reading.lazy_regex import lazy

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step

BARE_QUAD = lazy(r"\s*\\q?quad(?![a-zA-Z])\s*")


def mark_spaced(steps: list[Step], ends: list[tuple[int, str]]) -> None:
    """Mark the two steps beside a bare ``\\quad`` that cut a row (``A = B \\quad C = D``)
    with their reading as one side ``B \\quad C``: a space between factors, perhaps."""
    for (first, _), (middle, separator), (last, _) in zip(ends, ends[1:], ends[2:], strict=False):
        if not BARE_QUAD.fullmatch(separator) or first == middle or middle == last:
            continue
        before, after = steps[middle - 1], steps[middle]
        if after.lhs is None or before.rhs.end > after.lhs.start:
            continue
        joined, gap = Span(before.rhs.start, after.lhs.end), Span(before.rhs.end, after.lhs.start)
        if before.lhs is not None:
            steps[middle - 1] = replace(before, spaced=(before.lhs, joined, gap))
        steps[middle] = replace(after, spaced=(joined, after.rhs, gap))


__all__ = ["BARE_QUAD", "mark_spaced"]
