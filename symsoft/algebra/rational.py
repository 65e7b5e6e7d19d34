"""Exact rational-function arithmetic: SymPy expressions lowered into ``Q(g_1, …, g_m)``.

A value is a pair ``(numerator, denominator)`` of FLINT polynomials (``fmpq_mpoly``) over a
small set of generators.  Two fractions are equal iff ``n1·d2 − n2·d1`` is the zero polynomial,
which is decidable and needs no gcd.  This module knows nothing about softmax: callers say what
each leaf of an expression (a symbol, ``e^{a_k}``, a partition sum…) stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from math import comb
from typing import TypeAlias

import flint
import sympy

from symsoft.errors import TooLarge, UnsupportedExpression

Poly: TypeAlias = flint.fmpq_mpoly
Fraction: TypeAlias = tuple[Poly, Poly]
Leaf: TypeAlias = Callable[[sympy.Basic], Fraction]

# Bounds checked *before* a polynomial is built, so that a hostile claim (a huge power, a dense
# expansion) is answered "too large" at once instead of exhausting time and memory.
MAX_TERMS = 100_000
"""Terms of one polynomial: a power or a composition that could exceed it is refused."""
MAX_DEGREE = 1_000_000
"""Total degree of one polynomial (``S_i^{1000000}`` is within it)."""
MAX_PRODUCT = 500_000_000
"""Products of terms in one multiplication (``len(f) · len(g)``)."""


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


def _product(f: Poly, g: Poly) -> Poly:
    if len(f) * len(g) > MAX_PRODUCT:
        raise TooLarge(
            f"too large: a product of polynomials of {len(f)} and {len(g)} terms "
            f"(at most {MAX_PRODUCT} products of terms)"
        )
    return f * g


def add(f: Fraction, g: Fraction) -> Fraction:
    if f[1] == g[1]:
        return (f[0] + g[0], f[1])
    if len(f[1]) == 1 and len(g[1]) == 1:
        # monomial denominators (powers of x_k, z…): over their lcm the fraction stays small
        (left,), (right,) = f[1].monoms(), g[1].monoms()
        lcm = f[1].context().from_dict({tuple(map(max, left, right)): 1})
        return (_product(f[0], lcm / f[1]) + _product(g[0], lcm / g[1]), lcm)
    return (_product(f[0], g[1]) + _product(g[0], f[1]), _product(f[1], g[1]))


def sub(f: Fraction, g: Fraction) -> Fraction:
    return add(f, (-g[0], g[1]))


def _quotient(multiple: Poly, divisor: Poly) -> Poly | None:
    """``multiple / divisor`` when the division is exact, else ``None``."""
    if len(divisor) == 1 or any(
        low > high for low, high in zip(divisor.degrees(), multiple.degrees(), strict=True)
    ):
        return None
    quotient, remainder = divmod(multiple, divisor)
    return quotient if remainder.is_zero() else None


def add_sharing(f: Fraction, g: Fraction) -> Fraction:
    """``f + g`` like :func:`add`, over the larger denominator when one divides the other.

    The sum is the same rational function, and its denominator vanishes at the same points
    (``f₁ | g₁`` gives ``Z(f₁ g₁) = Z(g₁)``), but the powers of a partition sum that a
    derivative carries (``Z², Z³, …``) no longer multiply up term by term.

    >>> r = ring(("x",))
    >>> x = r.gens[0]
    >>> add_sharing((r.one, x + 1), (r.one, (x + 1) ** 2))
    (x + 2, x^2 + 2*x + 1)
    >>> add((r.one, x + 1), (r.one, (x + 1) ** 2))
    (x^2 + 3*x + 2, x^3 + 3*x^2 + 3*x + 1)
    """
    if f[1] != g[1]:
        quotient = _quotient(g[1], f[1])
        if quotient is not None:
            return (_product(f[0], quotient) + g[0], g[1])
        quotient = _quotient(f[1], g[1])
        if quotient is not None:
            return (f[0] + _product(g[0], quotient), f[1])
    return add(f, g)


def mul(f: Fraction, g: Fraction) -> Fraction:
    return (_product(f[0], g[0]), _product(f[1], g[1]))


def inverse(f: Fraction) -> Fraction:
    if f[0].is_zero():
        raise UnsupportedExpression("division by an expression that is identically 0")
    return (f[1], f[0])


def _terms_of_power(p: Poly, exponent: int) -> int:
    """An upper bound on the terms of ``p^exponent``: the monomials of degree ``exponent`` in
    ``len(p)`` unknowns (capped, so that a huge exponent costs nothing to bound)."""
    return _terms_of_power_count(len(p), exponent)


def _terms_of_power_count(terms: int, exponent: int) -> int:
    if terms <= 1 or exponent <= 1:
        return terms
    if exponent > MAX_TERMS:
        return MAX_TERMS + 1
    return comb(exponent + terms - 1, terms - 1)


def power(f: Fraction, exponent: int) -> Fraction:
    if exponent < 0:
        f, exponent = inverse(f), -exponent
    for p in f:
        if _terms_of_power(p, exponent) > MAX_TERMS:
            raise TooLarge(
                f"too large: the {exponent}-th power of a polynomial of {len(p)} terms "
                f"(at most {MAX_TERMS} terms)"
            )
        if p.total_degree() * exponent > MAX_DEGREE:
            raise TooLarge(
                f"too large: the {exponent}-th power of a polynomial of degree "
                f"{p.total_degree()} (at most degree {MAX_DEGREE})"
            )
    return (f[0] ** exponent, f[1] ** exponent)


def compose(f: Fraction, images: Sequence[Poly]) -> Fraction:
    """``f`` with generator ``k`` replaced by ``images[k]``; refused when the expansion could
    exceed :data:`MAX_TERMS` terms or :data:`MAX_DEGREE`."""
    gens = f[0].context().gens()
    widest = max((len(image) for image in images), default=1)
    deepest = max((image.total_degree() for image in images), default=1)
    for p in f:
        degree = p.total_degree()
        if (
            len(p) * _terms_of_power_count(widest, degree) <= MAX_TERMS
            and degree * deepest <= MAX_DEGREE
        ):
            continue  # the usual case, decided in a few operations
        bound, degree = len(p), 0
        for power_of, image, gen in zip(p.degrees(), images, gens, strict=False):
            if power_of and image != gen:
                bound *= _terms_of_power(image, power_of)
                degree += power_of * max(image.total_degree(), 1)
            else:
                degree += power_of
            if bound > MAX_TERMS or degree > MAX_DEGREE:
                raise TooLarge(
                    f"too large: substituting into a polynomial of degree {p.total_degree()} "
                    f"(at most {MAX_TERMS} terms and degree {MAX_DEGREE})"
                )
    return (f[0].compose(*images), f[1].compose(*images))


def is_zero(f: Fraction) -> bool:
    return f[0].is_zero()


def equal(f: Fraction, g: Fraction) -> bool:
    """``f = g`` as rational functions (cross-multiplication, exact)."""
    return (_product(f[0], g[1]) - _product(g[0], f[1])).is_zero()


def reduce(f: Fraction) -> Fraction:
    """Cancel the gcd and make the denominator's leading coefficient 1."""
    num, den = f
    if num.is_zero():
        return (num, den - den + 1)
    g = num.gcd(den)
    num, den = num / g, den / g
    lead = den.leading_coefficient()
    return (num / lead, den / lead)


def lower(
    expr: sympy.Basic, ring: Ring, leaf: Leaf, add: Callable[[Fraction, Fraction], Fraction] = add
) -> Fraction:
    """The rational function ``expr`` denotes, with ``leaf`` giving the value of each leaf.

    Sums, products, integer powers and rational numbers are lowered structurally; every other
    node is handed to ``leaf``, which returns its value or raises
    :class:`~symsoft.errors.UnsupportedExpression`; sums are taken with ``add``.
    """
    if expr.is_Rational:
        return ring.constant(expr)
    if expr.is_Add:
        total = lower(expr.args[0], ring, leaf, add)
        for arg in expr.args[1:]:
            total = add(total, lower(arg, ring, leaf, add))
        return total
    if expr.is_Mul:
        product = lower(expr.args[0], ring, leaf, add)
        for arg in expr.args[1:]:
            product = mul(product, lower(arg, ring, leaf, add))
        return product
    if expr.is_Pow and expr.exp.is_Integer:
        base = lower(expr.base, ring, leaf, add)
        return power(base, int(expr.exp))
    if expr.is_Float:
        raise UnsupportedExpression(
            f"floating-point number {expr} is not exact; write it as a fraction"
        )
    return leaf(expr)


SHOWN_DIGITS = 1_000
"""Digits an exact value may have before it is shown abbreviated (``123456789…(477122 digits)``)."""


def shown(value: sympy.Rational | flint.fmpq) -> str:
    """``p/q`` as text; a numerator or denominator of more than :data:`SHOWN_DIGITS` digits is
    shown by its leading digits and its length (Python refuses ``str`` of such integers).

    >>> shown(sympy.Rational(-4, 25))
    '-4/25'
    >>> shown(sympy.Rational(3**10000, 2))
    '16313501853…(4772 digits)/2'
    """
    numerator, denominator = int(value.p), int(value.q)

    def digits(number: int) -> str:
        if number.bit_length() <= 3 * SHOWN_DIGITS:
            return str(number)
        text = str(flint.fmpz(number))  # FLINT's conversion has no length limit
        sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
        if len(text) <= SHOWN_DIGITS:
            return sign + text
        return f"{sign}{text[:11]}…({len(text)} digits)"

    if denominator == 1:
        return digits(numerator)
    return f"{digits(numerator)}/{digits(denominator)}"


def _too_large(f: Fraction) -> bool:
    return max(f[0].total_degree(), f[1].total_degree()) > MAX_DEGREE


def _check_size(f: Fraction) -> None:
    if _too_large(f):
        raise TooLarge(f"too large: a rational function of degree above {MAX_DEGREE}")


def evaluate(f: Fraction, values: Sequence[flint.fmpq]) -> flint.fmpq | None:
    """``f`` at a point, or ``None`` where its denominator vanishes."""
    _check_size(f)
    values = list(values)
    values += [flint.fmpq(0)] * (f[1].context().nvars() - len(values))  # the unused "_"
    den = f[1](*values)
    if den == 0:
        return None
    return f[0](*values) / den


def apart(
    difference: Fraction,
    first: Fraction,
    second: Fraction,
    values: Sequence[flint.fmpq],
    sides_always: bool = False,
) -> tuple[flint.fmpq, flint.fmpq] | None:
    """``(first, second)`` at a point where both are defined and differ, else ``None``: what
    evaluating ``difference`` (``first − second`` made by :func:`add`, :func:`sub` or
    :func:`add_sharing`) and then both sides decides, without evaluating the difference, the
    largest of the three.  Its denominator ``D`` divides the product of theirs, ``D q =
    d₁ d₂``: where both sides are defined so is the difference, and it is their difference;
    where ``D`` vanishes, ``d₁ d₂`` does, and a side is undefined.

    A side too large to evaluate is evaluated as before, after the difference (``TooLarge``
    from the difference first); ``sides_always``: the sides are evaluated even where the
    difference is undefined or 0 (and may raise ``TooLarge`` there too).

    >>> r = ring(("x",))
    >>> x, one = r.gens[0], r.one
    >>> first, second = (x, x + one), (one, one)
    >>> point = [flint.fmpq(2)]
    >>> apart(sub(first, second), first, second, point)
    (2/3, 1)
    >>> apart(sub(first, first), first, first, point) is None
    True
    """
    _check_size(difference)
    if _too_large(first) or _too_large(second):
        value = evaluate(difference, values)
        if not sides_always and (value is None or value == 0):
            return None
        left, right = evaluate(first, values), evaluate(second, values)
        if value is None or value == 0 or left is None or right is None:
            return None
        return left, right
    left, right = evaluate(first, values), evaluate(second, values)
    if left is None or right is None or left == right:
        return None
    return left, right


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
