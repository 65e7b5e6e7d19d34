"""Values of the results model as the reports show them: entry indices, decimals, and
counterexamples (each value with the LaTeX made where the counterexample was built)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symsoft.results import Counterexample

__all__ = ["CounterexampleView", "Value"]


@dataclass(frozen=True)
class Value:
    """A value as text, with its LaTeX when the reports typeset it (else None)."""

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


@functools.lru_cache(maxsize=1024)
def _symbol_latex(name: str) -> str:
    import sympy

    if "|" in name:  # P(y=1|x), q(\cdot|x_i)_1: a conditional probability, in the text's LaTeX
        return name
    return sympy.latex(sympy.Symbol(name))


def _entry(index: tuple[int, ...]) -> str:
    if len(index) == 1:
        return str(index[0])
    return "(" + ", ".join(map(str, index)) + ")"


def _decimal(value: float) -> str:
    return f"{value:.6g}"


def _counterexample(cx: Counterexample) -> CounterexampleView:
    """The view of ``cx``; a counterexample built without LaTeX shows its values as text."""
    latex = cx.latex
    point_latex = latex.point if latex else (None,) * len(cx.point)
    others_latex = latex.others if latex else (None,) * len(cx.others)
    return CounterexampleView(
        point=tuple(
            (_symbol_latex(name), Value(value, tex))
            for (name, value), tex in zip(cx.point, point_latex, strict=True)
        ),
        others=tuple(
            (_symbol_latex(f"{family}_k"), Value(value, tex))
            for (family, value), tex in zip(cx.others, others_latex, strict=True)
        ),
        lhs=Value(cx.lhs, latex.lhs if latex else None),
        rhs=Value(cx.rhs, latex.rhs if latex else None),
        lhs_decimal=_decimal(cx.lhs_float),
        rhs_decimal=_decimal(cx.rhs_float),
        exact=cx.exact,
    )
