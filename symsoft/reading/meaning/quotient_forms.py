"""``g(x) = \\frac{u}{v}`` after ``g(x) = x^2``: the quotient rule's form of the same g (u and v
its parts, a tutorial's "for $g(x) = \\frac{u}{v}$ with $u = 1$ and $v = 1 + e^{-x}$"), or a new
g (review 74c: "Now let $g(x) = \\frac{u}{v}$ with $u = x$ and $v = 1 + x^2$" kept g = x², so
g'(x) = 2x held)? With the one value the text gives each letter (``$u = x$``), the form is
compared with the first meaning at two points: the same, no new meaning; another, the new one;
parts not given, which g is meant is not read (r20: "for two differentiable functions u and v")."""

from __future__ import annotations

import re

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.meaning.table import FunctionMeaning

_ARBITRARY = re.compile(r"(?i)\b(?:arbitrary|any|general|some|generic|polynomials?)\b")


def another_through_parts(
    value: sympy.Expr, variable: sympy.Symbol, first: FunctionMeaning, prose: str, at: int
) -> sympy.Expr | None:
    """The form's value through the values the text gives its parts when it differs from
    ``first``; None when it is the same; ``sympy.nan`` when the parts have no one value."""
    parts = {}
    after = prose[at : at + 600]  # given with the form, not earlier (review 74d)
    if _ARBITRARY.search(after[:200]):
        return sympy.nan  # "for arbitrary $u$ and $v$", "any two functions": no one g
    for symbol in value.free_symbols:
        given = set(re.findall(rf"\$\s*{re.escape(str(symbol))}\s*=\s*([^$=]+)\$", after))
        if len(given) != 1:
            return sympy.nan  # a part with no value given (or several): which g is not read
        try:
            part = parse_expression(given.pop(), open_names=True)
        except (SymsoftError, ValueError, TypeError, ArithmeticError, RecursionError):
            return sympy.nan
        named = {s: variable for s in part.free_symbols if str(s) == str(variable)}
        parts[symbol] = part.xreplace(named)
    through = value.xreplace(parts)
    if first.value is None or through.free_symbols != {variable}:
        return sympy.nan
    try:
        differs = any(
            abs(complex((through - first.value).evalf(30, subs={variable: point}))) > 1e-20
            for point in (sympy.Rational(3, 10), sympy.Rational(17, 10))
        )
    except (TypeError, ValueError, ArithmeticError):
        return sympy.nan
    return through if differs else None
