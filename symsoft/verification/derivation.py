"""Mechanical differentiation as a derivation: the rules ``D`` walks a SymPy expression with.

The fast path computes entry ``(i, j)`` of a Jacobian in a small local ring
(:mod:`symsoft.verification.local`, :mod:`symsoft.verification.entries`).  The derivative is
taken by walking the *same SymPy expression* the builders made (``exp(a_i)/Z``) with the rules of
a derivation — sum, Leibniz, power and ``D log f = Df/f`` — starting from the derivatives of the
leaves: ``D_j e^{a_k} = δ_jk e^{a_k}`` and ``D_j Z = e^{a_j}`` (both derived by SymPy in
:func:`leaf_rules`).  No closed form enters.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import sympy

from symsoft.algebra import rational
from symsoft.algebra.rational import Fraction, Ring
from symsoft.catalogue import notation as nt
from symsoft.errors import UnsupportedExpression

Pair = tuple[Fraction | None, Fraction]  # (value, derivative); value None: not rational


@cache
def leaf_rules() -> bool:
    """Derive with SymPy, for symbolic indices, the two rules the fast path starts from:
    ``∂e^{a_k}/∂a_j = δ_jk e^{a_k}`` and ``∂(Σ_{k=1}^N e^{a_k})/∂a_j = e^{a_j}`` (1 ≤ j ≤ N).

    Returns True when SymPy's results are exactly these; the caller falls back to plain SymPy
    when they are not (a different SymPy may spell them differently).
    """
    a, j, k, n = nt.a, nt.j, nt.k, nt.N
    exp_rule = sympy.diff(sympy.exp(a[k]), a[j])
    sum_rule = sympy.diff(sympy.Sum(sympy.exp(a[k]), (k, 1, n)), a[j]).doit()
    in_range = sum_rule.subs(n, j + 1) if isinstance(sum_rule, sympy.Piecewise) else sum_rule
    return (
        sympy.expand(exp_rule - sympy.KroneckerDelta(j, k) * sympy.exp(a[k])) == 0
        and sympy.simplify(in_range - sympy.exp(a[j])) == 0
    )


def derive(expr: sympy.Basic, ring: Ring, leaves: Mapping[sympy.Basic, Pair]) -> Pair:
    """``(value, D value)`` of ``expr`` for the derivation ``D`` given on its leaves."""
    hit = leaves.get(expr)
    if hit is not None:
        return hit
    zero = (ring.zero, ring.one)
    if expr.is_Rational:
        return ring.constant(expr), zero
    if expr.is_Add:
        parts = [derive(arg, ring, leaves) for arg in expr.args]
        value = None
        if all(v is not None for v, _ in parts):
            value = parts[0][0]
            for v, _ in parts[1:]:
                value = rational.add(value, v)
        slope = zero
        for _, d in parts:
            slope = rational.add(slope, d)
        return value, slope
    if expr.is_Mul:
        parts = [derive(arg, ring, leaves) for arg in expr.args]
        slope = zero
        for position, (_, d) in enumerate(parts):
            if rational.is_zero(d):
                continue
            term = d
            for other, (v, _) in enumerate(parts):
                if other != position:
                    if v is None:
                        raise UnsupportedExpression(f"no rational value for a factor of {expr}")
                    term = rational.mul(term, v)
            slope = rational.add(slope, term)
        value = None
        if all(v is not None for v, _ in parts):
            value = parts[0][0]
            for v, _ in parts[1:]:
                value = rational.mul(value, v)
        return value, slope
    if expr.is_Pow and expr.exp.is_Integer:
        v, d = derive(expr.base, ring, leaves)
        if v is None:
            raise UnsupportedExpression(f"no rational value for the base of {expr}")
        e = int(expr.exp)
        slope = rational.mul(rational.mul(ring.constant(e), rational.power(v, e - 1)), d)
        return rational.power(v, e), slope
    if isinstance(expr, sympy.log):
        v, d = derive(expr.args[0], ring, leaves)
        if v is None:
            raise UnsupportedExpression(f"no rational value for the argument of {expr}")
        return None, rational.mul(d, rational.inverse(v))
    raise UnsupportedExpression(f"no derivation rule for {expr}")
