"""The size a document fixes by writing every sum to one number (``\\sum_{k=1}^{3}``) or a
vector entry by entry (``(o_1, o_2, o_3)``)."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import has_sum_upper_letter
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.scopes import stated_sizes

_NUMERIC_BOUND = lazy(
    r"\\sum\s*(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?\^\s*(?:\{\s*(\d+)\s*\}|(\d+))"
    # a summand follows: in {\sum^2} (a shorthand for a sum, squared) 2 is a power, not a size
    r"(?!\s*(?:[-+*/)}\]=$]|\\times|\\cdot|\\right|$))"
)


_ENTRIES = r"\s*([a-zA-Z])_\{?1\}?\s*(?:,\s*\1_\{?\d+\}?\s*)+"
_TUPLE = lazy(r"\(" + _ENTRIES + r"\)")  # (o_1, o_2, o_3)
_BRACKETED = lazy(r"\[" + _ENTRIES + r"\]")  # [y_1, y_2, y_3]


def _tuple_sizes(text: str, brackets: bool = False) -> list[str]:
    """``(o_1, o_2, o_3)`` (with ``brackets``, ``[y_1, y_2, y_3]``): a vector written out entry
    by entry fixes N = 3."""
    sizes = []
    for match in (_BRACKETED if brackets else _TUPLE).finditer(text):
        indices = [int(i) for i in re.findall(r"_\{?(\d+)", match.group())]
        if indices == list(range(1, len(indices) + 1)):
            sizes.append(str(len(indices)))
    return sizes


def fixed_size(text: Text) -> int | None:
    """The size a document fixes by summing to a number only (``\\sum_{k=1}^{3}``, and no
    ``\\sum_k^K`` anywhere): its steps are judged at that N."""
    bodies = text.slice(0, len(text.chars))
    numbers = {a or b for a, b in _NUMERIC_BOUND.findall(bodies)} | set(_tuple_sizes(bodies))
    numbers = numbers or set(_tuple_sizes(bodies, brackets=True))  # Y = [y_1, y_2, y_3] alone
    if len(numbers) != 1 or has_sum_upper_letter(bodies):
        return None
    size = int(numbers.pop())
    if not stated_sizes(bodies) <= {size}:
        return None  # "only two classes" beside five inputs summed: the sum is no class count
    return size if 1 <= size <= 64 else None


# the terms of a softmax's partition sum: exponentials (a sum of logarithms, labels or predictions
# may run over the examples of a batch: review 62b)
_CLASS_TERMS = lazy(r"\\exp|(?<![A-Za-z\\])e\s*\^")
_SUM = r"\\sum\s*(?:\\(?:no)?limits\s*)?(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?"  # to its bound
_LETTER_BOUND = lazy(_SUM + r"\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))")
# a sum with no upper bound written (\sum_k e^{z_k}); a binary text; the end of a sentence
_UNBOUNDED = lazy(_SUM + r"(?!\s*[\^_])")
_BINARY = lazy(r"(?i)\bbinary\b")
_SENTENCE = lazy(r"(?<=[.!?])\s|\n\s*\n")


def _terms(bodies: str, match: re.Match[str]) -> str:
    """What a sum adds, as written after its bound: to the end of its math or the next sum."""
    return re.split(r"\$|\\sum|=|\n\n", bodies[match.end() : match.end() + 80])[0]


def _class_bounds(bodies: str) -> list[re.Match[str]]:
    """The numeric bounds of the sums over the classes: their terms, to the end of the math,
    hold an exponential."""
    return [m for m in _NUMERIC_BOUND.finditer(bodies) if _CLASS_TERMS.search(_terms(bodies, m))]


def class_size(text: Text) -> tuple[int, list[tuple[int, int]]] | None:
    """The number of classes a text fixes where its sums run to two numbers, the classes' and
    the inputs' (``\\sum_{j=1}^3 \\exp(\\theta_j)`` beside ``\\sum_{i=1}^2 w_{ik} x_i``), every
    sum to a letter runs to a letter the text sets to that number ("here K = 3"): the size, and
    where each bound over the classes is written; None otherwise."""
    bodies = text.slice(0, len(text.chars))
    classes = _class_bounds(bodies)
    numbers = {m.group(1) or m.group(2) for m in classes}
    if len(numbers) != 1 or _tuple_sizes(bodies):
        return None
    size = numbers.pop()
    if not stated_sizes(bodies) <= {int(size)} or (size != "2" and _BINARY.search(bodies)):
        return None  # "only two classes" beside a sum of three exponentials: which?
    if any(_CLASS_TERMS.search(_terms(bodies, m)) for m in _UNBOUNDED.finditer(bodies)):
        return None  # \sum_k e^{z_k} too: a general softmax, 3 an example's (review 62c)
    spans = [  # every sum to that number (judged at N = size, the same sum)
        m.span(1 if m.group(1) else 2)
        for m in _NUMERIC_BOUND.finditer(bodies)
        if (m.group(1) or m.group(2)) == size
    ]
    for match in _LETTER_BOUND.finditer(bodies):
        letter = match.group(1) or match.group(2)
        said = rf"(?<![A-Za-z\\_^]){letter}\s*=\s*{size}(?!\.?[0-9])"
        near = _SENTENCE.split(bodies[match.end() : match.end() + 120])[0]  # its own sentence
        if _CLASS_TERMS.search(_terms(bodies, match)) and not re.search(said, near):
            return None  # \sum_{k=1}^{K} e^{z_k}, K = 3 said elsewhere: a general softmax
        if not re.search(said, bodies):
            return None
        spans.append(match.span(1 if match.group(1) else 2))
    return (int(size), spans) if 2 <= int(size) <= 64 else None


def sum_to_fixed_size(text: Text) -> int | None:
    """In a text whose sums all run to one number n (:func:`fixed_size`), each such sum is the
    sum over every class: its bound is written N (same length; the text is judged at N = n), so
    that a free index runs over the same classes (``∂/∂θ_i`` of ``\\sum_{j=1}^3 …`` has no case
    i > 3 left to decide). The size, or None when the text fixes none (and nothing changes)."""
    size = fixed_size(text)
    if size is None:
        classes = class_size(text)  # the classes' sums to 3 beside the inputs' to 2
        if classes is None:
            return None
        for start, end in classes[1]:
            text.chars[start:end] = list("N".ljust(end - start))
        return classes[0]
    for match in _NUMERIC_BOUND.finditer(text.slice(0, len(text.chars))):
        group = 1 if match.group(1) else 2
        start, end = match.span(group)
        text.chars[start:end] = list("N".ljust(end - start))
    return size


__all__ = ["fixed_size", "sum_to_fixed_size"]
