"""An entry defined by two cases on its index, the way label smoothing is written:
``t_k = \\begin{cases} 1 - \\epsilon & \\text{if } k = c \\\\ \\epsilon / K & \\text{otherwise}
\\end{cases}``. The two rows are one value with a Kronecker delta, ``(1 - \\epsilon)\\delta_{kc}
+ \\frac{\\epsilon}{K}(1 - \\delta_{kc})``: exactly the same numbers for every k, written so that a
sum over k reads it."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import defined_name

_CASES = lazy(r"\s*+\\begin\s*+\{cases\}(?P<body>[^$]*?)\\end\s*+\{cases\}[\s.,]*+")
# the words of a row's condition: \text{if } k = c, \quad \mbox{for } k \neq c, "otherwise"
_WORDS = lazy(r"\\(?:text|mbox|textrm|mathrm)\s*+\{\s*+([^{}]*)\}|\\[,;:!]|\\q?quad(?![a-zA-Z])")
_EQUAL = lazy(r"\s*+([a-z])\s*+=\s*+([a-zA-Z0-9])\s*+")
_OTHER = lazy(r"\s*+([a-z])\s*+(?:\\neq?(?![a-zA-Z])|\\not\s*+=|≠|!=)\s*+([a-zA-Z0-9])\s*+")
_IF = lazy(r"(?i)^\s*(?:if|for|when|where)\b|[.,;]\s*$")
_OTHERWISE = lazy(r"(?i)\s*(?:otherwise|else|sonst|sinon|иначе)\s*")


def cased_value(lhs: str, rhs: str) -> str | None:
    r"""``rhs`` written with a Kronecker delta when it is two cases on the index of ``lhs`` (one
    where it equals a letter or a number, the other where it does not, or "otherwise"); else
    None.

    >>> value = cased_value("t_k", r"\begin{cases} 1 - \epsilon & \text{if } k = c, \\ "
    ...     r"\dfrac{\epsilon}{K} & \text{if } k \neq c. \end{cases}")
    >>> print(*value.split(" + "), sep="\n")
    \left(1 - \epsilon\right)\delta_{k c}
    \left(\dfrac{\epsilon}{K}\right)\left(1 - \delta_{k c}\right)
    >>> cased_value("t_k", r"\begin{cases} 1 & \text{if } j = c \\ 0 & \text{else} \end{cases}")
    """
    named, cased = defined_name(lhs), _CASES.fullmatch(rhs)
    if named is None or named[1] is None or cased is None:
        return None
    rows = [row for row in re.split(r"\\\\(?:\s*\[[^\]]{0,12}\])?", cased["body"]) if row.strip()]
    if len(rows) != 2 or any(row.count("&") != 1 for row in rows):
        return None
    (first, when), (second, unless) = (row.split("&") for row in rows)
    when, unless = (_condition(words) for words in (when, unless))
    equal = _EQUAL.fullmatch(when)
    if equal is None or equal[1] != named[1] or not first.strip() or not second.strip():
        return None
    other = _OTHER.fullmatch(unless)
    if not (_OTHERWISE.fullmatch(unless) or other and other.groups() == equal.groups()):
        return None
    delta = rf"\delta_{{{equal[1]} {equal[2]}}}"
    return (
        rf"\left({first.strip()}\right){delta} + \left({second.strip()}\right)"
        rf"\left(1 - {delta}\right)"
    )


def _condition(words: str) -> str:
    """A row's condition without its words ("if", "for", a closing comma or period)."""
    plain = _WORDS.sub(lambda m: f" {m[1]} " if m[1] is not None else " ", words)
    previous = None
    while previous != plain:
        previous, plain = plain, _IF.sub(" ", plain)
    return plain
