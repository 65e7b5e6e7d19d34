"""A definition written in vector notation, read entry by entry:
``\\mathbf{p} = \\frac{\\exp(\\mathbf{o})}{\\mathbf{1}^\\top \\exp(\\mathbf{o})}`` defines every
entry ``p_r``, ``L = -\\mathbf{y}^\\top \\log \\mathbf{p}`` a number.

A definition has no second side to test a reading against, so it is read only where its reading
is single: both sides of one shape with vectors as columns or as rows, and the same value in every
reading where they fit (``\\mathbf{y}^\\top \\log \\mathbf{p}`` is a number only with columns;
a Jacobian, whose layout decides the value, is not read).
"""

from __future__ import annotations

import re

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.vectors import COLUMN, ROW, entrywise

_CONVENTIONS = ("numerator", "numerator row")  # vectors as columns, as rows
_BASIS = lazy(r"\\(?:mathbf|boldsymbol|bm|vec)\s*+(?:\{\s*+e\s*+\}|e(?![a-zA-Z]))\s*+_")


def _at_r(text: str) -> str:
    """``text`` read at row r where it was read at column c (a row vector's entry)."""
    return re.sub(rf"(?<![\\a-zA-Z]){COLUMN}(?![a-zA-Z])", ROW, text)


def entrywise_definition(lhs: str, rhs: str) -> tuple[str, str] | str | None:
    """``lhs := rhs`` in index notation at entry r (a number: at no entry), the reason it is not
    read, or None when ``rhs`` has no vector notation.

    >>> entrywise_definition(r"L", r"-\\mathbf{y}^\\top \\log \\mathbf{p}")
    ('L', '- (\\\\left(\\\\sum_{g} (y_{g}) (\\\\log(p_{g}))\\\\right))')
    """
    if _BASIS.search(rhs):  # \lambda \mathbf{e}_a + …: the a-th basis vector, or an entry?
        return "a bold e with an index (a basis vector, or an entry of e?) is not read"
    try:
        if entrywise(rhs) is None:
            return None
    except Unreadable as exc:
        return f"its right side is not read entry by entry ({exc.reason})"
    readings: set[tuple[str, str]] = set()
    for convention in _CONVENTIONS:
        try:
            left, right = entrywise(lhs, convention), entrywise(rhs, convention)
        except Unreadable:
            continue
        assert right is not None
        if right.size is not None:
            return "a vector written out is not a definition of every entry"
        shape = left.shape if left is not None else "scalar"
        if shape != right.shape or shape not in ("vector", "row vector", "scalar"):
            continue
        if "\\partial" in right.text or "\\nabla" in rhs:
            return "a definition by a Jacobian or a gradient is not read (which layout?)"
        readings.add((_at_r(left.text) if left is not None else lhs, _at_r(right.text)))
    if not readings:
        return "its two sides have no shape in common, with vectors as columns or as rows"
    if len(readings) > 1:
        return "ambiguous: its value with vectors as columns and as rows differ"
    left, right = readings.pop()
    try:
        again = entrywise(right) is not None
    except Unreadable:
        again = True
    if again:  # B = \operatorname{diag}(\sigma^{(i)}(1 - \sigma^{(i)})): read, yet not entries
        return "its right side is not read entry by entry"
    return left, right


__all__ = ["entrywise_definition"]
