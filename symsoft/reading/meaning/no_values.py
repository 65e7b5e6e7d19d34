"""Definitions that give their name no value: one-hot said by its values (``y = (0, \\ldots, 1,
\\ldots, 0)``), an index's range (``p = 1, \\ldots, m``), a function the text never defines at a
letter (``y = f(u)``, the chain rule's notation)."""

from __future__ import annotations

from collections.abc import Mapping

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import _DOTS, ONE_HOT_VALUE

# y = f(u), u = g(x): the chain rule's notation, a function the text never defines at a letter
ABSTRACT_CALL = lazy(r"\s*([a-zA-Z])\s*(?:\\left\s*)?\(\s*[a-zA-Z]\s*(?:\\right\s*)?\)\s*[.,;]?\s*")
# "for all $p = 1, \ldots, m$", "$k = 1, 2, \dots, K$": the range of an index, no value
INDEX_RANGE = lazy(
    rf"\s*\d\s*,(?:\s*\d\s*,)*{_DOTS},\s*(?:[A-Za-z]|\d+)(?:\s*[-+]\s*\d)?\s*[.,;]?\s*"
)


def no_meaning(rhs: str, functions: Mapping[str, object]) -> bool:
    """Whether a definition's right side gives its name no value: one-hot said by its values
    (``y = (0, \\ldots, 1, \\ldots, 0)``, see :data:`ONE_HOT_VALUE`), an index's range (``p = 1,
    \\ldots, m``), or a function the text never defines at a letter (``y = f(u)``, the chain
    rule's notation)."""
    if ONE_HOT_VALUE.fullmatch(rhs) or INDEX_RANGE.fullmatch(rhs):
        return True
    call = ABSTRACT_CALL.fullmatch(rhs)
    return call is not None and call.group(1) not in functions
