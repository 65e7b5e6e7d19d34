"""A function defined through a letter the text defines by itself: ``u = 1 + e^{-z}`` then
``y(z) = \\frac{1}{u}`` (a chain-rule derivation's substitution) makes y a function of z
through u. The letter's value is put in where it is defined once, by itself, and writes the
variable; else the value is left as read (and y(z), no function of z, is not defined)."""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy


def through_names(
    value: sympy.Expr,
    variable: sympy.Symbol,
    candidates: list[tuple[str, str, str, tuple[int, int] | None, int]],
    read: Callable[[str], sympy.Expr | str],
) -> sympy.Expr:
    """``value`` with each other one-letter name put in (see the module), or ``value``."""
    others = value.free_symbols - {variable}
    if not others or variable in value.free_symbols:
        return value
    texts: dict[str, list[str]] = {}
    for lhs, rhs, *_ in candidates:
        if re.fullmatch(r"\s*[A-Za-z]\s*", lhs):
            texts.setdefault(lhs.strip(), []).append(rhs)
    put: dict[sympy.Basic, sympy.Expr] = {}
    for symbol in others:
        written = texts.get(str(symbol), [])
        if len(written) != 1:
            return value  # (defined nowhere, or twice: which one?)
        read_value = read(written[0])
        if isinstance(read_value, str) or read_value.free_symbols != {variable}:
            return value
        put[symbol] = read_value
    return value.xreplace(put)
