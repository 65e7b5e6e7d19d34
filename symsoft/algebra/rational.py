"""Exact rational-function arithmetic: SymPy expressions lowered into ``Q(g_1, …, g_m)``.

A value is a pair ``(numerator, denominator)`` of FLINT polynomials (``fmpq_mpoly``) over a
small set of generators.  Two fractions are equal iff ``n1·d2 − n2·d1`` is the zero polynomial,
which is decidable and needs no gcd.  This module knows nothing about softmax: callers say what
each leaf of an expression (a symbol, ``e^{a_k}``, a partition sum…) stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import TypeAlias

import flint
import sympy

from symsoft.errors import UnsupportedExpression

Poly: TypeAlias = flint.fmpq_mpoly
Fraction: TypeAlias = tuple[Poly, Poly]
Leaf: TypeAlias = Callable[[sympy.Basic], Fraction]


class Ring:
    """``Q[g_1, …, g_m]`` with named generators, and the fraction field over it."""

    def __init__(self, names: Sequence[str]):
        self.names = tuple(names)
        self.ctx = flint.fmpq_mpoly_ctx.get(self.names or ("_",))
        self.gens = self.ctx.gens()[: len(self.names)]
        self.one = self.ctx.from_dict({(0,) * self.ctx.nvars(): 1})
        self.zero = self.one - self.one
        self._constants: dict[object, Fraction] = {}

    def constant(self, value: sympy.Rational | int) -> Fraction:
        cached = self._constants.get(value)
        if cached is None:
            q = sympy.Rational(value)
            cached = (self.one * int(q.p), self.one * int(q.q))
            self._constants[value] = cached
        return cached

    def gen(self, index: int) -> Fraction:
        return (self.gens[index], self.one)

    def to_sympy(self, poly: Poly, symbols: Sequence[sympy.Expr]) -> sympy.Expr:
        """The polynomial as a SymPy expression, generator ``k`` replaced by ``symbols[k]``."""
        terms = []
        for exponents, coefficient in poly.to_dict().items():
            term = sympy.Rational(int(coefficient.p), int(coefficient.q))
            for symbol, power in zip(symbols, exponents, strict=False):
                if power:
                    term *= symbol**power
            terms.append(term)
        return sympy.Add(*terms)


@cache
def ring(names: tuple[str, ...]) -> Ring:
    """The ring over ``names``, built once."""
    return Ring(names)


def add(f: Fraction, g: Fraction) -> Fraction:
    if f[1] == g[1]:
        return (f[0] + g[0], f[1])
    if len(f[1]) == 1 and len(g[1]) == 1:
        # monomial denominators (powers of x_k, z…): over their lcm the fraction stays small
        (left,), (right,) = f[1].monoms(), g[1].monoms()
        lcm = f[1].context().from_dict({tuple(map(max, left, right)): 1})
        return (f[0] * (lcm / f[1]) + g[0] * (lcm / g[1]), lcm)
    return (f[0] * g[1] + g[0] * f[1], f[1] * g[1])


def sub(f: Fraction, g: Fraction) -> Fraction:
    return add(f, (-g[0], g[1]))


def mul(f: Fraction, g: Fraction) -> Fraction:
    return (f[0] * g[0], f[1] * g[1])


def inverse(f: Fraction) -> Fraction:
    if f[0].is_zero():
        raise UnsupportedExpression("division by an expression that is identically 0")
    return (f[1], f[0])


def power(f: Fraction, exponent: int) -> Fraction:
    if exponent < 0:
        f, exponent = inverse(f), -exponent
    return (f[0] ** exponent, f[1] ** exponent)


def is_zero(f: Fraction) -> bool:
    return f[0].is_zero()


def equal(f: Fraction, g: Fraction) -> bool:
    """``f = g`` as rational functions (cross-multiplication, exact)."""
    return (f[0] * g[1] - g[0] * f[1]).is_zero()


def reduce(f: Fraction) -> Fraction:
    """Cancel the gcd and make the denominator's leading coefficient 1."""
    num, den = f
    if num.is_zero():
        return (num, den - den + 1)
    g = num.gcd(den)
    num, den = num / g, den / g
    lead = den.leading_coefficient()
    return (num / lead, den / lead)


def lower(expr: sympy.Basic, ring: Ring, leaf: Leaf) -> Fraction:
    """The rational function ``expr`` denotes, with ``leaf`` giving the value of each leaf.

    Sums, products, integer powers and rational numbers are lowered structurally; every other
    node is handed to ``leaf``, which returns its value or raises
    :class:`~symsoft.errors.UnsupportedExpression`.
    """
    if expr.is_Rational:
        return ring.constant(expr)
    if expr.is_Add:
        total = lower(expr.args[0], ring, leaf)
        for arg in expr.args[1:]:
            total = add(total, lower(arg, ring, leaf))
        return total
    if expr.is_Mul:
        product = lower(expr.args[0], ring, leaf)
        for arg in expr.args[1:]:
            product = mul(product, lower(arg, ring, leaf))
        return product
    if expr.is_Pow and expr.exp.is_Integer:
        base = lower(expr.base, ring, leaf)
        return power(base, int(expr.exp))
    if expr.is_Float:
        raise UnsupportedExpression(
            f"floating-point number {expr} is not exact; write it as a fraction"
        )
    return leaf(expr)


def evaluate(f: Fraction, values: Sequence[flint.fmpq]) -> flint.fmpq | None:
    """``f`` at a point, or ``None`` where its denominator vanishes."""
    values = list(values)
    values += [flint.fmpq(0)] * (f[1].context().nvars() - len(values))  # the unused "_"
    den = f[1](*values)
    if den == 0:
        return None
    return f[0](*values) / den


def derivation(f: Fraction, images: Sequence[Poly | None]) -> Fraction:
    """``D f`` for the derivation with ``D g_k = images[k]`` (``None``: 0) on the generators:
    ``D p = Σ_k ∂p/∂g_k · D g_k`` and the quotient rule."""

    def on_poly(p: Poly) -> Poly:
        total = p - p
        for position, image in enumerate(images):
            if image is not None:
                total += p.derivative(position) * image
        return total

    num, den = f
    return (on_poly(num) * den - num * on_poly(den), den * den)
