"""The size a document fixes by writing every sum to one number (``\\sum_{k=1}^{3}``) or a
vector entry by entry (``(o_1, o_2, o_3)``)."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import has_sum_upper_letter
from symsoft.reading.lazy_regex import lazy

_NUMERIC_BOUND = lazy(
    r"\\sum\s*(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?\^\s*(?:\{\s*(\d+)\s*\}|(\d+))"
    # a summand follows: in {\sum^2} (a shorthand for a sum, squared) 2 is a power, not a size
    r"(?!\s*(?:[-+*/)}\]=$]|\\times|\\cdot|\\right|$))"
)


_TUPLE = lazy(r"\(\s*([a-zA-Z])_\{?1\}?\s*(?:,\s*\1_\{?\d+\}?\s*)+\)")


def _tuple_sizes(text: str) -> list[str]:
    """``(o_1, o_2, o_3)``: a vector written out entry by entry fixes N = 3."""
    sizes = []
    for match in _TUPLE.finditer(text):
        indices = [int(i) for i in re.findall(r"_\{?(\d+)", match.group())]
        if indices == list(range(1, len(indices) + 1)):
            sizes.append(str(len(indices)))
    return sizes


def fixed_size(text: Text) -> int | None:
    """The size a document fixes by summing to a number only (``\\sum_{k=1}^{3}``, and no
    ``\\sum_k^K`` anywhere): its steps are judged at that N."""
    bodies = text.slice(0, len(text.chars))
    numbers = {a or b for a, b in _NUMERIC_BOUND.findall(bodies)} | set(_tuple_sizes(bodies))
    if len(numbers) != 1 or has_sum_upper_letter(bodies):
        return None
    size = int(numbers.pop())
    return size if 1 <= size <= 64 else None


def sum_to_fixed_size(text: Text) -> int | None:
    """In a text whose sums all run to one number n (:func:`fixed_size`), each such sum is the
    sum over every class: its bound is written N (same length; the text is judged at N = n), so
    that a free index runs over the same classes (``∂/∂θ_i`` of ``\\sum_{j=1}^3 …`` has no case
    i > 3 left to decide). The size, or None when the text fixes none (and nothing changes)."""
    size = fixed_size(text)
    if size is None:
        return None
    for match in _NUMERIC_BOUND.finditer(text.slice(0, len(text.chars))):
        group = 1 if match.group(1) else 2
        start, end = match.span(group)
        text.chars[start:end] = list("N".ljust(end - start))
    return size


__all__ = ["fixed_size", "sum_to_fixed_size"]
