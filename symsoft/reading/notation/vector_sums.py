"""A sum written before vectors: ``\\frac{1}{n}\\sum_{i=1}^n (p_i - y_i)\\,\\mathbf{x}_i``.

A sum's operator applies to the rest of its term (a ``+`` outside groups ends it), so the term
is the number before the operator times the sum, entry by entry, of what follows it: entry r is
``\\frac{1}{n} \\sum_{i=1}^n ((p_i - y_i) x_{i,r})``.  Only an operator outside every group is
read so; the number before it must be one that multiplies a vector (see
:mod:`~symsoft.reading.notation.coefficients`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.coefficients import check_coefficient
from symsoft.reading.notation.written_out import _marked, _Value

if TYPE_CHECKING:
    from symsoft.reading.notation.translation import _Translation

_SCRIPT = r"(?:\{[^{}]*\}|[a-zA-Z0-9])"
_OPERATOR = lazy(
    r"\\sum(?![a-zA-Z])\s*(?:\\(?:no)?limits(?![a-zA-Z]))?\s*"
    rf"(?:_\s*{_SCRIPT}(?:\s*\^\s*{_SCRIPT})?|\^\s*{_SCRIPT}\s*_\s*{_SCRIPT})"
)


def _depth(text: str) -> int:
    """How many groups ``text`` leaves open."""
    text = re.sub(r"\\[{}]", "", text)
    return sum(text.count(c) for c in "{([") - sum(text.count(c) for c in "})]")


def vector_sum(translation: _Translation, start: int, end: int) -> _Value | None:
    """The term ``text[start:end]`` when it writes a sum's operator outside groups before
    vector notation: the number before it times the sum of the rest, entry by entry; None when
    it does not."""
    text = translation.text
    operator = next(
        (
            found
            for found in _OPERATOR.finditer(text, start, end)
            if _depth(text[start : found.start()]) == 0
        ),
        None,
    )
    if operator is None or not _marked(text[operator.end() : end]):
        return None
    body = translation.product(operator.end(), end)
    if body.size is not None:
        raise Unreadable("a sum of matrices written out is not read", operator.start())
    written = " ".join(operator.group().split())

    def entry(a: str, b: str) -> str:
        return rf"\left({written} \left({body.entry(a, b)}\right)\right)"

    summed = _Value(body.rows, body.columns, entry, body.size)
    before = text[start : operator.start()]
    if not before.strip():
        return summed
    if body.shape != "scalar":
        check_coefficient(before, start)
    number = translation.product(start, operator.start())
    return translation._times(number, summed, start)
