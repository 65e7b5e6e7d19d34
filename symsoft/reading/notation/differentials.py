"""Differentials in vector notation: ``d\\mathbf{p} = (\\operatorname{diag}(\\mathbf p) -
\\mathbf p \\mathbf p^T) d\\mathbf{z}``, ``dL = (\\mathbf{p} - \\mathbf{y}) : d\\mathbf{z}``.

A differential is a directional derivative: with the document's one variable ``z`` (the only
letter whose differential is written and that the document does not define) and a free
direction ``\\widetilde{z}`` standing for ``d\\mathbf{z}``, ``d\\mathbf{p}`` is
``\\sum_k \\frac{\\partial p_r}{\\partial z_k} \\widetilde{z}_k`` and ``dL`` is
``\\sum_k \\frac{\\partial L}{\\partial z_k} \\widetilde{z}_k``. An equation between
differentials holds for every direction iff it holds as written, so the step is judged with
the direction free. Anything else whose differential is written (a second variable, ``dW``) makes
no variable: nothing is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

from symsoft.reading.documents.brackets import matching
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.written_out import _BOLD, _Value

VARIABLE: ContextVar[str | None] = ContextVar("differential_variable", default=None)
"""The letter whose differential ``d\\mathbf{z}`` is a free direction in this document."""

# d or \mathrm{d}, not a letter of a word, an index or an exponent (\mathbb{R}^d)
_D = r"(?<![\\a-zA-Z_^{])(?<!\^\s)(?:\\mathrm\s*\{\s*d\s*\}|d)\s*"

# d\mathbf{p}: the differential of a vector; dL, d\ell, d\mathcal{L}: of a scalar
DIFFERENTIAL = lazy(
    _D
    + r"(?:(?:(\\log|\\ln)(?![a-zA-Z])\s*(?:\\left\s*)?(\()?\s*)?"
    + _BOLD
    + r"|(\\mathcal\s*\{\s*L\s*\}|\\ell(?![a-zA-Z])|[A-Z])(?![a-zA-Z]))"
    r"(?!\s*_)"
)
_FRACTION = lazy(r"\\[dt]?frac(?![a-zA-Z])")
_CLOSE = lazy(r"\s*(?:\\right\s*)?\)")

_WRITTEN = lazy(_D + _BOLD + r"(?!\s*_)")


def variable_of(math: str, defined: set[str]) -> str | None:
    """The one lower-case letter ``z`` whose differential ``d\\mathbf{z}`` ``math`` writes and
    that is not among the ``defined`` names, or None (none, or several: ``dW`` and ``db``).

    >>> variable_of(r"d\\mathbf{p} = (\\mathbf{P} - \\mathbf{p}\\mathbf{p}^T) d\\mathbf{z}", {"p"})
    'z'
    """
    letters = {m.group(1) or m.group(2) for m in _WRITTEN.finditer(math)}
    free = {x for x in letters if x not in defined}
    if len(free) != 1:
        return None
    (letter,) = free
    if not (len(letter) == 1 and letter.islower()):
        return None
    if re.search(rf"\\(?:wide)?tilde\s*\{{?\s*{letter}(?![a-zA-Z])", math):
        return None  # \tilde{z} has a meaning of its own: no name for the direction
    return letter


def written(text: str) -> bool:
    """Whether ``text`` writes a differential outside groups (``dL``; not the ``d`` of
    ``\\frac{dL}{dz}``), in a document that has a variable."""
    if VARIABLE.get() is None:
        return False
    outside = list(text)
    for fraction in _FRACTION.finditer(text):
        close = fraction.end()
        for _ in range(2):  # numerator and denominator
            gap = len(text[close:]) - len(text[close:].lstrip())
            if text[close + gap : close + gap + 1] != "{":
                break
            end = matching(text, close + gap)
            if end < 0:
                break
            outside[close:end] = " " * (end - close)
            close = end
    return DIFFERENTIAL.search("".join(outside)) is not None


def value(
    text: str, pos: int, end: int, fresh: Callable[[], str], vectors: frozenset[str]
) -> tuple[_Value, int] | None:
    """The differential written at ``pos`` (``d\\mathbf{p}``, ``dL``) as a directional
    derivative along the free direction, and where it ends; None when none is written there."""
    variable = VARIABLE.get()
    found = DIFFERENTIAL.match(text, pos, end) if variable is not None else None
    if variable is None or found is None:
        return None
    logarithm, opened = found.group(1), found.group(2)
    vector, scalar = found.group(3) or found.group(4), found.group(5)
    after = found.end()
    if opened:  # d\log(\mathbf{p}): the group closes right after the vector
        close = _CLOSE.match(text, after, end)
        if close is None:
            return None
        after = close.end()
    along = direction(variable)
    if vector == variable and not logarithm:
        return _Value(True, False, lambda a, b: f"{along}_{{{a}}}"), after
    if vector is not None and (vector.isdigit() or vector.isupper() and vector not in vectors):
        raise Unreadable(f"the differential of a bold {vector} is not read", pos)
    k = fresh()

    def derivative(quantity: str) -> str:
        return (
            rf"\left(\sum_{{{k}}} \frac{{\partial {quantity}}}{{\partial {variable}_{{{k}}}}}"
            rf" {along}_{{{k}}}\right)"
        )

    if vector is not None:
        log = f"{logarithm} " if logarithm else ""
        return _Value(True, False, lambda a, b: derivative(f"{log}{vector}_{{{a}}}")), after
    return _Value(False, False, lambda a, b: derivative(scalar)), after


def direction(letter: str) -> str:
    """The name of the free direction ``d\\mathbf{z}`` stands for (``\\widetilde{z}``)."""
    return rf"\widetilde{{{letter}}}"


def leaf(letter: str) -> str:
    """The direction's name among the free variables (``ztilde``)."""
    return f"{letter}tilde"


__all__ = ["DIFFERENTIAL", "VARIABLE", "direction", "leaf", "value", "variable_of", "written"]
