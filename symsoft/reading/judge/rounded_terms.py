"""Worked numbers rounded term by term: ``\\sigma(0.56)(1 - \\sigma(0.56)) = 0.636 \\times 0.364``.

Where the exact side gives decimals to functions (rounding.py), the written side's rounding is
read only when each of its decimals is a value of the exact side rounded to the digits written:
a function's value or a part of the side (σ(0.56) ≈ 0.636, 1 − σ(0.56) ≈ 0.364, −log 0.7 ≈
0.357, 1 + e^{−0.56} ≈ 1.571), or one of its exact numbers (the weight 0.7 of ``0.7 \\log 0.8``,
kept exact).  Two wrong roundings that cancel (σ(0.1) written 0.520 and 1 − σ(0.1) written 0.480,
whose product is still close) are then no rounding at all (review 71c).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy

_DECIMAL = re.compile(r"(?<![\d.])\d*\.(\d+)(?![\d.])")


def each_rounded(
    exact: str, written: str, parse: Callable[[str], sympy.Expr]
) -> frozenset[str] | None:
    """The decimals of ``written`` that are exact numbers of ``exact`` (kept as written), or
    None when some decimal of ``written`` is no value of ``exact`` rounded to its digits."""
    try:
        expr = parse(exact)
    except Exception:  # noqa: BLE001 - a side not read: no rounding is read either
        return None
    values: list[float] = []
    numbers: set[sympy.Rational] = set()
    for part in sympy.preorder_traversal(expr):
        if isinstance(part, sympy.Rational):
            numbers.add(abs(part))  # (-7/10 of -0.7 \log 0.8 written 0.7 \times 0.223)
        if part.free_symbols:
            return None
        try:
            value = float(part.evalf(30))
        except (TypeError, ValueError):
            continue
        values += [value, -value, 1 - value, 1 + value, value - 1]
        if _squared(part):  # \tanh^2(0.56), read as a ratio of squares: tanh(0.56) ≈ 0.508
            values.append(abs(value) ** 0.5)
    return _kept(written, numbers, values)


def each_term_rounded(
    exact: str, written: str, parse: Callable[[str], sympy.Expr]
) -> frozenset[str] | None:
    """As :func:`each_rounded` for arithmetic between decimals, whose parts do not survive
    parsing (``0.6 \\times 0.6457`` is one number then): each decimal of ``written`` is one
    ``exact`` writes (kept as written) or the value of one of its terms rounded to its digits
    (``0.3874 - 0.1702 + 0.2`` for ``0.6 \\times 0.6457 + (-0.4) \\times 0.4256 + 0.2``).

    >>> from symsoft.reading.grammar.latex import parse_expression as parse
    >>> sorted(each_term_rounded("0.6 * 0.6457 + 0.2", "0.3874 + 0.2", parse))
    ['0.2']
    >>> each_term_rounded("0.6 * 0.6457 + 0.2", "0.3875 + 0.2", parse) is None
    True
    """
    values: list[float] = []
    for term in _terms(exact):
        try:
            value = float(parse(term))
        except Exception:  # noqa: BLE001 - a term not read alone: no rounding is read
            return None
        values += [value, -value]
    numbers = {sympy.Rational(found.group()) for found in _DECIMAL.finditer(exact)}
    return _kept(written, numbers, values)


def _kept(written: str, numbers: set[sympy.Rational], values: list[float]) -> frozenset[str] | None:
    """The decimals of ``written`` among the exact ``numbers`` (kept as written), or None when
    another of its decimals is none of ``values`` rounded to its digits."""
    kept = set()
    for found in _DECIMAL.finditer(written):
        decimal = sympy.Rational(found.group())
        if decimal in numbers:
            kept.add(found.group())
            continue
        half = 0.5 * 10.0 ** -len(found.group(1)) * (1 + 1e-9)
        if not any(abs(value - float(decimal)) <= half for value in values):
            return None
    return frozenset(kept)


def _terms(text: str) -> list[str]:
    """The terms of ``text`` at the top level, each with its sign."""
    terms, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in "({[":
            depth += 1
        elif char in ")}]":
            depth -= 1
        if char in "+-" and depth == 0 and text[start:at].strip():
            terms.append(text[start:at])
            start = at
    return [*terms, text[start:]]


def _squared(part: sympy.Expr) -> bool:
    """Whether ``part`` is a square, or a product of squares and their inverses."""
    factors = sympy.Mul.make_args(part)
    return all(
        isinstance(f, sympy.Pow) and f.exp.is_integer and f.exp % 2 == 0 for f in factors
    ) or (len(factors) > 1 and all(f == -1 or _squared(f) for f in factors))


__all__ = ["each_rounded", "each_term_rounded"]
