"""Values of the results model as the reports show them: SymPy text read back into LaTeX by a
small grammar of its own, entry indices and decimals, and counterexamples."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symsoft.results import Counterexample

__all__ = ["CounterexampleView", "Value"]


@dataclass(frozen=True)
class Value:
    """A value stored as SymPy text, with its LaTeX when it could be read safely."""

    text: str
    latex: str | None


@dataclass(frozen=True)
class CounterexampleView:
    point: tuple[tuple[str, Value], ...]
    others: tuple[tuple[str, Value], ...]
    lhs: Value
    rhs: Value
    lhs_decimal: str
    rhs_decimal: str
    exact: bool


_VALUE_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(.))")
_FUNCTIONS = {"log": "log", "exp": "exp"}


def _read_value(text: str):  # type: ignore[no-untyped-def]
    """A SymPy ``str`` value (``4*log(2/3)/3``) read by a small grammar of its own — numbers,
    names, ``+ - * / ( )``, ``log`` and ``exp`` — into a SymPy expression; nothing is executed."""
    import sympy

    tokens = [m.groups() for m in _VALUE_TOKEN.finditer(text) if m.group().strip()]
    position = 0

    def peek() -> str | None:
        return tokens[position][2] if position < len(tokens) else None

    def take(symbol: str) -> None:
        nonlocal position
        if peek() != symbol:
            raise ValueError(f"expected {symbol!r}")
        position += 1

    def expression():  # type: ignore[no-untyped-def]
        value = term()
        while peek() in ("+", "-"):
            sign = peek()
            take(sign)  # type: ignore[arg-type]
            value = value + term() if sign == "+" else value - term()
        return value

    def term():  # type: ignore[no-untyped-def]
        value = factor()
        while peek() in ("*", "/"):
            operator = peek()
            take(operator)  # type: ignore[arg-type]
            value = value * factor() if operator == "*" else value / factor()
        return value

    def factor():  # type: ignore[no-untyped-def]
        nonlocal position
        if peek() == "-":
            take("-")
            return -factor()
        if position >= len(tokens):
            raise ValueError("unexpected end")
        number, name, _ = tokens[position]
        if number is not None:
            position += 1
            return (
                sympy.Float(number, 20)
                if ("." in number or "e" in number)
                else sympy.Integer(number)
            )
        if name is not None:
            position += 1
            if name in _FUNCTIONS and peek() == "(":
                take("(")
                argument = expression()
                take(")")
                return getattr(sympy, _FUNCTIONS[name])(argument)
            return sympy.Symbol(name)
        take("(")
        value = expression()
        take(")")
        return value

    value = expression()
    if position != len(tokens):
        raise ValueError("trailing text")
    return value


@functools.lru_cache(maxsize=1024)
def _value(text: str) -> Value:
    """Read a SymPy ``str`` value (``log(3/2)``) into LaTeX; plain text when it is not simple."""
    import sympy

    if len(text) > 400:
        return Value(text, None)
    try:
        latex = sympy.latex(_read_value(text))
    except (ValueError, TypeError, ZeroDivisionError):
        return Value(text, None)
    return Value(text, latex)


@functools.lru_cache(maxsize=1024)
def _symbol_latex(name: str) -> str:
    import sympy

    return sympy.latex(sympy.Symbol(name))


def _entry(index: tuple[int, ...]) -> str:
    if len(index) == 1:
        return str(index[0])
    return "(" + ", ".join(map(str, index)) + ")"


def _decimal(value: float) -> str:
    return f"{value:.6g}"


def _counterexample(cx: Counterexample) -> CounterexampleView:
    return CounterexampleView(
        point=tuple((_symbol_latex(name), _value(value)) for name, value in cx.point),
        others=tuple((_symbol_latex(f"{family}_k"), _value(value)) for family, value in cx.others),
        lhs=_value(cx.lhs),
        rhs=_value(cx.rhs),
        lhs_decimal=_decimal(cx.lhs_float),
        rhs_decimal=_decimal(cx.rhs_float),
        exact=cx.exact,
    )
