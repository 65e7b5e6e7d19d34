"""The mechanical derivative of one entry in its local ring, one function per kind of ring
(:attr:`Shape.ring <symsoft.catalogue.shapes.Shape.ring>`): Jacobians of ``S`` and ``log S``,
the gradient of log-sum-exp, vector-Jacobian products, the cross-entropy gradient and Hessian.
"""

from __future__ import annotations

import sympy

from symsoft.algebra import rational
from symsoft.algebra.rational import Fraction
from symsoft.catalogue import notation as nt
from symsoft.catalogue.family import Family
from symsoft.catalogue.functions import Softmax
from symsoft.catalogue.theorems import Theorem
from symsoft.errors import UnsupportedExpression
from symsoft.verification.derivation import derive
from symsoft.verification.local import (
    EPS,
    GENS,
    TEMP,
    V1,
    WSUM,
    Y1,
    YSUM,
    Local,
    U,
    X,
    Z,
    local_ring,
    parameter,
    smoothing,
    sum_to_one,
)


def _leaf_factor(softmax: Softmax) -> Fraction:
    """``∂e^{c a_k}/∂a_k ÷ e^{c a_k}`` (1, or 1/T), as SymPy derives it."""
    first = softmax.exponentials[0]
    factor = sympy.diff(first, softmax.logits[0]) / first  # SymPy cancels the exponential
    ring = local_ring()
    return rational.lower(factor, ring, lambda node: parameter(node, ring))


def _jacobian_entry(
    theorem: Theorem, family: Family, row: int, column: int
) -> tuple[Local, Fraction]:
    """``D_column F_row`` for ``F_row = S_row`` or ``log S_row`` (``S`` maybe tempered)."""
    ring = local_ring()
    tempered = theorem.shape.tempered
    s = family.tempered if tempered else family.softmax
    factor = family.cache.get(("leaf-factor", tempered))
    if factor is None:
        factor = family.cache[("leaf-factor", tempered)] = _leaf_factor(s)
    zero = (ring.zero, ring.one)
    xs = {row: X} if row == column else {row: X, column: U}
    local = Local(family.n, "a", xs, tempered=tempered)
    leaves = {}
    for m, g in xs.items():
        x = ring.gen(g)
        leaves[s.exponentials[m - 1]] = (x, rational.mul(x, factor) if m == column else zero)
    leaves[s.partition_sum] = (ring.gen(Z), rational.mul(ring.gen(xs[column]), factor))
    function, _ = family.function(theorem, (row, column))
    return local, derive(function, ring, leaves)[1]


def _lse_entry(family: Family, row: int) -> tuple[Local, Fraction]:
    """``∂/∂a_row log Z``."""
    ring = local_ring()
    s = family.softmax
    local = Local(family.n, "a", {row: X})
    leaves = {s.partition_sum: (ring.gen(Z), ring.gen(X))}
    return local, derive(sympy.log(s.partition_sum), ring, leaves)[1]


def _aggregate(by_z: Fraction, m: int, position_of: dict[int, int]) -> tuple[int, Fraction]:
    """Split ``∂term_m/∂Z = μ · c`` into a monomial ``μ`` in the term's own generators and a
    common factor ``c``; return the generator of ``Σ_m μ`` and ``c``."""
    num, den = rational.reduce(by_z)
    own = sorted(position_of.values())
    if any(den.degrees()[g] > 0 for g in own):
        raise UnsupportedExpression(f"∂/∂Z of term {m} has its own variables in a denominator")
    if num.is_zero():
        return -1, (num, den)
    exponents = {tuple(monomial[g] for g in own) for monomial in num.monoms()}
    if len(exponents) != 1:
        raise UnsupportedExpression(f"∂/∂Z of term {m} is not a monomial times a common factor")
    powers = dict(zip(own, exponents.pop(), strict=True))
    ring = local_ring()
    mu = ring.one
    for g, e in powers.items():
        mu *= ring.gens[g] ** e
    c = (num / mu, den)
    key = tuple(sorted((GENS[g], e) for g, e in powers.items() if e))
    aggregate = {(("y", 1),): YSUM, (("v", 1), ("x", 1)): WSUM, (("x", 1),): Z}.get(key)
    if aggregate is None:
        raise UnsupportedExpression(f"no generator for the sum of {key} over the terms")
    return aggregate, c


def _separable_partials(
    family: Family,
    key: str,
    terms,
    exponentials,
    partition,
    own,  # type: ignore[no-untyped-def]
) -> tuple[list[Fraction], Fraction, int]:
    """Reverse mode over the leaves of ``F = Σ_m term_m`` with ``Z`` held as its own leaf:
    ``∂term_m/∂x_m`` for every ``m`` and ``Σ_m ∂term_m/∂Z = c · A`` with ``A`` an aggregate
    generator (``Σ_m y_m``, ``Σ_m v_m x_m``…).  The sum is exact: each ``∂term_m/∂Z`` is
    checked to be the same ``c`` times ``μ_m``."""
    cached = family.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    ring = local_ring()
    zero, one = (ring.zero, ring.one), ring.constant(1)
    by_x: list[Fraction] = []
    common: Fraction | None = None
    aggregate = -1
    for m in range(1, family.n + 1):
        leaves_x = {exponentials[m - 1]: (ring.gen(X), one), partition: (ring.gen(Z), zero)}
        leaves_z = {exponentials[m - 1]: (ring.gen(X), zero), partition: (ring.gen(Z), one)}
        for symbol, g in own(m).items():
            leaves_x[symbol] = leaves_z[symbol] = (ring.gen(g), zero)
        term = terms[m - 1]
        by_x.append(derive(term, ring, leaves_x)[1])
        by_z = derive(term, ring, leaves_z)[1]
        generator, c = _aggregate(by_z, m, {X: X, **{g: g for g in own(m).values()}})
        if generator == -1:
            continue
        if common is None:
            common, aggregate = c, generator
        elif generator != aggregate or not rational.equal(common, c):
            raise UnsupportedExpression("∂/∂Z: the terms of the sum differ")
    result = (by_x, common if common is not None else (ring.zero, ring.one), aggregate)
    family.cache[key] = result
    return result


def _chain_rule(family: Family, key: str, terms, softmax: Softmax, own, row: int) -> Fraction:  # type: ignore[no-untyped-def]
    """``D_i F`` for ``F = Σ_m term_m`` by the chain rule over the leaves:
    ``D_i F = Σ_m ∂F/∂x_m · D_i x_m + ∂F/∂Z · D_i Z = ∂F/∂x_i · x_i + ∂F/∂Z · x_i``."""
    by_x, common, aggregate = _separable_partials(
        family, key, terms, softmax.exponentials, softmax.partition_sum, own
    )
    ring = local_ring()
    x = ring.gen(X)
    slope = rational.mul(by_x[row - 1], x)
    if aggregate != -1:
        slope = rational.add(slope, rational.mul(rational.mul(common, ring.gen(aggregate)), x))
    return slope


def _gradient_entry(family: Family, row: int) -> tuple[Local, Fraction]:
    """``∂L/∂o_i`` for ``L = Σ_m −y_m log p_m``."""
    ce = family.cross_entropy
    own = lambda m: {ce.targets[m - 1]: Y1}  # noqa: E731
    slope = _chain_rule(family, "loss", ce.terms, ce.probabilities, own, row)
    return Local(family.n, "o", {row: X}, ys={row: Y1}).with_targets(), slope


def _vjp_entry(family: Family, row: int) -> tuple[Local, Fraction]:
    """``(Jᵀv)_i = ∂/∂a_i Σ_m v_m S_m``."""
    own = lambda m: {family.vector[m - 1]: V1}  # noqa: E731
    slope = _chain_rule(family, "vjp", family.vjp_terms, family.softmax, own, row)
    return Local(family.n, "a", {row: X}, vs={row: V1}).with_vector(), slope


def _hessian_entry(family: Family, row: int, column: int) -> tuple[Local, Fraction]:
    """``D_j D_i L``: the gradient entry ``i``, then the derivation ``D_j`` on its generators
    (``D_j x_i = δ_ij x_i``, ``D_j z = x_j``, ``D_j y_i = D_j Y = 0``)."""
    _, gradient = _gradient_entry(family, row)
    ring = local_ring()
    xs = {row: X} if row == column else {row: X, column: U}
    images: list[rational.Poly | None] = [None] * len(GENS)
    images[X] = ring.gens[X] if row == column else None
    images[Z] = ring.gens[xs[column]]
    local = Local(family.n, "o", xs, ys={row: Y1}).with_targets()
    return local, rational.derivation(gradient, images)


def local_entry(theorem: Theorem, family: Family, index: tuple[int, ...]) -> tuple[Local, Fraction]:
    """The mechanical derivative of one entry in its local ring, or UnsupportedExpression."""
    ring = theorem.shape.ring
    if ring == "jacobian":
        local, slope = _jacobian_entry(theorem, family, *index)
    elif ring == "lse":
        local, slope = _lse_entry(family, index[0])
    elif ring == "vjp":
        local, slope = _vjp_entry(family, index[0])
    elif ring == "gradient":
        local, slope = _gradient_entry(family, index[0])
    elif ring == "hessian":
        local, slope = _hessian_entry(family, *index)
    else:
        raise UnsupportedExpression(f"no fast path for {theorem.kind}")
    for name in theorem.hypotheses:
        if name == "sum-to-one":
            sum_to_one(local)
        elif name == "label-smoothing":
            smoothing(local, index[0], index[1], family.n)
        else:
            raise UnsupportedExpression(f"no fast path for the hypothesis {name}")
    return local, slope


def entry_derivative(theorem: Theorem, family: Family, index: tuple[int, ...]) -> sympy.Expr:
    """The fast path's mechanical derivative of one entry, as a SymPy expression over the
    family's own symbols (so that it can be compared with ``sympy.diff`` entry by entry)."""
    local, slope = local_entry(theorem, family, index)
    s = (
        family.tempered
        if local.tempered
        else (family.softmax if local.letter == "a" else family.cross_entropy.probabilities)
    )
    ce = family.cross_entropy
    meaning: list[sympy.Expr] = [sympy.Integer(0)] * len(GENS)
    for m, g in local.xs.items():
        meaning[g] = s.exponentials[m - 1]
    meaning[Z] = s.partition_sum
    for m, g in local.ys.items():
        meaning[g] = ce.targets[m - 1]
    meaning[YSUM] = sympy.Add(*ce.targets)
    for m, g in local.vs.items():
        meaning[g] = family.vector[m - 1]
    meaning[WSUM] = sympy.Add(
        *(vk * ek for vk, ek in zip(family.vector, s.exponentials, strict=True))
    )
    meaning[TEMP], meaning[EPS] = nt.T, nt.epsilon
    ring = local_ring()
    return ring.to_sympy(slope[0], meaning) / ring.to_sympy(slope[1], meaning)
