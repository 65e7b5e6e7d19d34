"""Derivatives of unknown functions at a point other than their variable: ``f'(g(x))`` of the
chain rule ``(f(g(x)))' = f'(g(x)) g'(x)``, written where the text never defines f or g.

SymPy writes such a value ``Subs(Derivative(f(ξ), ξ), ξ, g(x))``. Judged as an identity for every f
and g (:func:`symsoft.reading.judge.steps._function_values_as_reals`), it is one real number of
its own: the derivative of f at that point, free whatever f is. Two such values of the same f at
arguments written differently might still be one number (``f'(1 + x)``, ``f'(x + 1)`` print alike;
``f'((x + 1)^2)`` and ``f'(x^2 + 2x + 1)`` do not): such a step is not read.
"""

from __future__ import annotations

import sympy

from symsoft.reading.judge.names import Unreadable


def at_point(name: str, argument: sympy.Expr, primes: int) -> sympy.Expr:
    """``name^{(primes)}(argument)`` of an unknown function ``name``."""
    point = sympy.Dummy("xi")
    applied = sympy.Function(name, real=True)(point)
    return sympy.Subs(sympy.Derivative(applied, (point, primes)), point, argument)


def points_as_reals(sides: list[sympy.Expr]) -> list[sympy.Expr]:
    """Each ``f^{(k)}`` at a point written by an expression becomes a real symbol named as
    written (``f'(g(x))``); the functions of the point stay (later made reals themselves)."""
    found: dict[sympy.Subs, sympy.Symbol] = {}
    seen: dict[tuple[str, int], str] = {}
    for side in sides:
        for subs in side.atoms(sympy.Subs):
            inner = subs.expr
            if not (
                isinstance(inner, sympy.Derivative)
                and isinstance(inner.expr, sympy.core.function.AppliedUndef)
                and len(subs.variables) == 1
                and inner.expr.args == subs.variables
                and {v for v, _ in inner.variable_count} == set(subs.variables)
            ):
                raise Unreadable(f"a derivative at a point not read here ({subs})")
            order = sum(count for _, count in inner.variable_count)
            key = (inner.expr.func.__name__, order)
            shown = str(subs.point[0])
            if seen.setdefault(key, shown) != shown:
                raise Unreadable(
                    f"{key[0]}{chr(39) * order} at {seen[key]} and at {shown}: "
                    "the same point written two ways? not read"
                )
            found[subs] = sympy.Symbol(f"{key[0]}{chr(39) * order}({shown})", real=True)
    return [side.xreplace(found) for side in sides] if found else sides
