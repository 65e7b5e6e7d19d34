"""Mechanical differentiation as a derivation on a small local ring (the fast path).

For entry ``(i, j)`` of the softmax Jacobian only ``x_i = e^{a_i}``, ``x_j = e^{a_j}`` and the
partition sum ``z = Σ_k x_k`` occur, so the entry is computed in ``Q(x_i, x_j, z)`` whatever N
is.  The derivative is taken by walking the *same SymPy expression* the builders made
(``exp(a_i)/Z``) with the rules of a derivation — sum, Leibniz, power and ``D log f = Df/f`` —
starting from the derivatives of the leaves: ``D_j e^{a_k} = δ_jk e^{a_k}`` and
``D_j Z = e^{a_j}`` (both derived by SymPy in :func:`leaf_rules`).  No closed form enters.

Soundness of the local ring: ``z`` is an independent generator only when some index lies
outside the entry's own indices; otherwise ``z`` *is* the sum of the local ``x`` and is
replaced by it.  The same holds for the sum of targets ``Σ_{k≠i} y_k``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import flint
import sympy

from . import notation as nt
from . import rational
from .errors import UnsupportedExpression
from .rational import Fraction, Ring
from .results import Counterexample, Verdict
from .theorems import Family, Theorem

ATTEMPTS = 40

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


@dataclass
class Local:
    """An entry's local ring and what each generator stands for."""

    ring: Ring
    n: int
    letter: str  # the logit family: "a" or "o"
    xs: dict[int, Fraction]  # logit index -> e^{logit} as a generator
    z: Fraction  # the partition sum (a generator, or the sum of the local xs)
    z_free: bool
    z_gen: int | None = None  # the generator standing for z, when it is free
    ys: dict[int, Fraction] = field(default_factory=dict)  # target index -> generator
    ysum: Fraction | None = None  # Σ_k y_k
    ysum_gen: int | None = None  # the generator standing for Σ_k y_k, when it is one
    fixed: dict[int, rational.Poly] = field(default_factory=dict)  # hypothesis: gen -> value

    def probability(self, index: int) -> Fraction:
        if index not in self.xs:
            raise UnsupportedExpression(f"index {index} is not local to this entry")
        return rational.mul(self.xs[index], rational.inverse(self.z))

    def leaf(self, binding: dict[sympy.Symbol, int]) -> Callable[[sympy.Basic], Fraction]:
        """Lower the leaves of a closed form in index notation, indices bound by ``binding``."""

        def value(node: sympy.Basic) -> Fraction:
            if isinstance(node, sympy.Indexed):
                index = node.indices[0]
                index = binding.get(index, index)
                if not index.is_Integer:
                    raise UnsupportedExpression(f"unbound index in {node}")
                name = node.base.name
                if name in ("S", "p"):
                    return self.probability(int(index))
                if name == "y" and int(index) in self.ys:
                    return self.ys[int(index)]
                raise UnsupportedExpression(f"{node} is not local to this entry")
            if isinstance(node, sympy.KroneckerDelta):
                left, right = (binding.get(arg, arg) for arg in node.args)
                return self.ring.constant(int(left == right))
            if node == nt.N:
                return self.ring.constant(self.n)
            if isinstance(node, sympy.Sum) and node == nt.total(nt.y) and self.ysum is not None:
                return self.ysum
            raise UnsupportedExpression(f"{node} has no value in the local ring")

        return value


# ---------------------------------------------------------------------------------------------
# The fast path: mechanical derivative of one entry in its local ring


def _softmax_entry(family: Family, row: int, column: int) -> tuple[Local, Fraction]:
    """``D_column S_row`` in ``Q(x_row, x_column, z)``."""
    ring = rational.ring(("u", "v", "z"))
    s = family.softmax
    zero = (ring.zero, ring.one)
    xs = {row: ring.gen(0)} if row == column else {row: ring.gen(0), column: ring.gen(1)}
    z_free = len(xs) < family.n
    z = ring.gen(2) if z_free else _sum(list(xs.values()), ring)
    leaves = {s.exponentials[m - 1]: (x, x if m == column else zero) for m, x in xs.items()}
    leaves[s.partition_sum] = (z, xs[column])  # D_j Z = e^{a_j}
    _, slope = derive(s.outputs[row - 1], ring, leaves)
    return Local(ring, family.n, "a", xs, z, z_free, 2 if z_free else None), slope


def _sum(values: Sequence[Fraction], ring: Ring) -> Fraction:
    total = (ring.zero, ring.one)
    for v in values:
        total = rational.add(total, v)
    return total


def _loss_partials(family: Family) -> tuple[list[Fraction], Fraction]:
    """Reverse mode over the leaves of ``L = Σ_j term_j``, with ``Z`` held as its own leaf.

    Returns ``∂term_j/∂x_j`` for every ``j`` (in ``Q(v, z, t)`` with ``v = x_j``, ``t = y_j``) and
    ``c`` with ``Σ_j ∂term_j/∂Z = c · Σ_j y_j``.  The sum over ``j`` is exact: each
    ``∂term_j/∂Z`` is checked to be ``y_j · c`` with one ``c`` free of ``x_j`` and ``y_j``.
    """
    cached = family.cache.get("loss-partials")
    if cached is not None:
        return cached
    ring = rational.ring(GRADIENT_GENS)
    ce = family.cross_entropy
    zero, one = (ring.zero, ring.one), ring.constant(1)
    v, z, t = ring.gen(0), ring.gen(1), ring.gen(2)
    partition = ce.probabilities.partition_sum
    by_x: list[Fraction] = []
    common: Fraction | None = None
    for m in range(1, family.n + 1):
        e, target, term = ce.probabilities.exponentials[m - 1], ce.targets[m - 1], ce.terms[m - 1]
        by_x.append(derive(term, ring, {e: (v, one), partition: (z, zero), target: (t, zero)})[1])
        by_z = rational.reduce(
            derive(term, ring, {e: (v, zero), partition: (z, one), target: (t, zero)})[1]
        )
        c = (by_z[0].derivative("t"), by_z[1])
        free = all(q.degrees()[0] <= 0 and q.degrees()[2] <= 0 for q in c)
        if not (free and rational.equal(by_z, rational.mul(c, t))):
            raise UnsupportedExpression(f"∂L/∂Z: term {m} does not factor as y_{m}·c")
        if common is None:
            common = c
        elif not rational.equal(common, c):
            raise UnsupportedExpression("∂L/∂Z: the terms of the loss differ")
    assert common is not None
    family.cache["loss-partials"] = (by_x, common)
    return by_x, common


GRADIENT_GENS = ("v", "z", "t", "Y")


def _gradient_entry(family: Family, row: int) -> tuple[Local, Fraction]:
    """``∂L/∂o_i`` in ``Q(x_i, z, y_i, Y)``, ``Y = Σ_k y_k``, by the chain rule over the leaves:
    ``D_i L = Σ_j ∂L/∂x_j · D_i x_j + ∂L/∂Z · D_i Z = ∂L/∂x_i · x_i + ∂L/∂Z · x_i``."""
    ring = rational.ring(GRADIENT_GENS)
    by_x, common = _loss_partials(family)
    x, z, target, total = ring.gen(0), ring.gen(1), ring.gen(2), ring.gen(3)
    slope = rational.add(
        rational.mul(by_x[row - 1], x), rational.mul(rational.mul(common, total), x)
    )
    free = family.n > 1
    local = Local(
        ring, family.n, "o", {row: x}, z if free else x, free, 1 if free else None, {row: target}
    )
    local.ysum = total if free else target
    local.ysum_gen = 3 if free else None
    if not free:  # N = 1: Z is x_1 and Σ y is y_1
        local.fixed = {1: ring.gens[0], 3: ring.gens[2]}
        slope = _substitute(slope, local)
        local.fixed = {}
    return local, slope


def _sum_to_one(local: Local) -> None:
    """Impose ``Σ_k y_k = 1`` by solving it for one generator."""
    ring = local.ring
    if local.ysum_gen is not None:
        local.fixed[local.ysum_gen] = ring.one
    else:
        local.fixed[2] = ring.one


def _substitute(f: Fraction, local: Local) -> Fraction:
    if not local.fixed:
        return f
    images = [local.fixed.get(g, local.ring.gens[g]) for g in range(len(local.ring.gens))]
    return (f[0].compose(*images), f[1].compose(*images))


def fast_entry(theorem: Theorem, family: Family, index: tuple[int, ...], seed: int) -> Verdict:
    if theorem.kind == "softmax-jacobian":
        local, slope = _softmax_entry(family, *index)
    else:
        local, slope = _gradient_entry(family, index[0])
    for name in theorem.hypotheses:
        if name == "sum-to-one":
            _sum_to_one(local)
    binding = dict(zip((nt.i, nt.j), map(sympy.Integer, index), strict=False))
    closed = rational.lower(theorem.closed_form, local.ring, local.leaf(binding))
    mechanical, closed = _substitute(slope, local), _substitute(closed, local)
    if rational.equal(mechanical, closed):
        return _proved_verdict(theorem, local)
    counterexample = _local_counterexample(local, mechanical, closed, seed)
    if counterexample is None:  # pragma: no cover - a non-zero polynomial has non-roots
        return Verdict("unknown", reason="the difference is not 0 but no witness was found")
    return Verdict(
        "refuted",
        reason="mechanical derivative ≠ closed form: " + counterexample.describe(),
        counterexample=counterexample,
    )


_CERTIFICATES: dict[tuple[str, bool], Verdict] = {}


def _proved_verdict(theorem: Theorem, local: Local) -> Verdict:
    key = (theorem.kind, local.z_free)
    if key not in _CERTIFICATES:
        gens = "x_i, x_j, z" if theorem.kind == "softmax-jacobian" else "x_i, z, y_i, Σ_{k≠i} y_k"
        where = "z = Σ_k x_k" if local.z_free else "z written out as the sum of the local x_k"
        _CERTIFICATES[key] = Verdict(
            "proved",
            reason=f"mechanical derivative − closed form = 0 in Q({gens}), x_k = e^(logit_k), "
            + where,
            certificate="numerator of the difference is the zero polynomial",
        )
    return _CERTIFICATES[key]


def _q(value: sympy.Rational) -> flint.fmpq:
    return flint.fmpq(int(value.p), int(value.q))


def _local_counterexample(
    local: Local, mechanical: Fraction, closed: Fraction, seed: int
) -> Counterexample | None:
    rng = random.Random(seed)
    ring = local.ring
    difference = rational.sub(mechanical, closed)
    x_positions = {m: ring.gens.index(x[0]) for m, x in local.xs.items() if x[0] in ring.gens}
    y_positions = {m: ring.gens.index(g[0]) for m, g in local.ys.items()}
    outside = local.n - len(local.xs)
    for attempt in range(ATTEMPTS):
        scale = 3 + attempt * attempt
        values = [sympy.Integer(1)] * len(ring.gens)
        for position in x_positions.values():
            values[position] = sympy.Rational(rng.randint(1, 2 * scale), rng.randint(1, scale))
        rest = sympy.Rational(rng.randint(1, 2 * scale), rng.randint(1, scale))
        if local.z_gen is not None:
            values[local.z_gen] = (
                sum((values[q] for q in x_positions.values()), sympy.Integer(0)) + rest
            )
        free_y = [*y_positions.values(), *([local.ysum_gen] if local.ysum_gen is not None else [])]
        for position in free_y:
            values[position] = sympy.Rational(rng.randint(-scale, 2 * scale), rng.randint(1, scale))
        point = [_q(v) for v in values]
        for position, image in local.fixed.items():
            fixed_value = image(*point)
            point[position] = fixed_value
            values[position] = sympy.Rational(int(fixed_value.p), int(fixed_value.q))
        value = rational.evaluate(difference, point)
        left, right = rational.evaluate(mechanical, point), rational.evaluate(closed, point)
        if value is None or value == 0 or left is None or right is None:
            continue
        shown = [(f"{local.letter}_{m}", str(sympy.log(values[q]))) for m, q in x_positions.items()]
        shown += [(f"y_{m}", str(values[q])) for m, q in y_positions.items()]
        shared = []
        if local.z_gen is not None and outside:
            shared.append((local.letter, str(sympy.log(rest / outside))))
        if local.ysum_gen is not None:
            rest_y = values[local.ysum_gen] - sum((values[q] for q in y_positions.values()), 0)
            shared.append(("y", str(rest_y / (local.n - len(y_positions)))))
        left_q = sympy.Rational(int(left.p), int(left.q))
        right_q = sympy.Rational(int(right.p), int(right.q))
        return Counterexample(
            point=tuple(sorted(shown, key=lambda kv: (kv[0][0], int(kv[0].split("_")[1])))),
            lhs=str(left_q),
            rhs=str(right_q),
            lhs_float=float(left_q),
            rhs_float=float(right_q),
            others=tuple(shared),
        )
    return None


def entry_derivative(theorem: Theorem, family: Family, index: tuple[int, ...]) -> sympy.Expr:
    """The fast path's mechanical derivative of one entry, as a SymPy expression over the
    family's own symbols (so it can be compared with ``sympy.diff`` entry by entry)."""
    if theorem.kind == "softmax-jacobian":
        local, slope = _softmax_entry(family, *index)
        s = family.softmax
        row, column = index
        meaning = [s.exponentials[row - 1], s.exponentials[column - 1], s.partition_sum]
    else:
        local, slope = _gradient_entry(family, index[0])
        ce = family.cross_entropy
        meaning = [
            ce.probabilities.exponentials[index[0] - 1],
            ce.probabilities.partition_sum,
            ce.targets[index[0] - 1],
            sympy.Add(*ce.targets),
        ]
    ring = local.ring
    return ring.to_sympy(slope[0], meaning) / ring.to_sympy(slope[1], meaning)
