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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import flint
import sympy

from symsoft.algebra import rational
from symsoft.algebra.counterexample import exact
from symsoft.algebra.rational import Fraction, Ring
from symsoft.catalogue import notation as nt
from symsoft.catalogue.family import Family
from symsoft.catalogue.functions import Softmax
from symsoft.catalogue.theorems import Theorem
from symsoft.errors import UnsupportedExpression
from symsoft.results import Counterexample, Verdict

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


# ---------------------------------------------------------------------------------------------
# The fast path: one entry in a local ring
#
# Every entry lives in Q[x, u, z, y, Y, v, W, T, e]: x = e^{a_i}, u = e^{a_j} (the entry's own
# exponentials), z = Σ_k e^{a_k}, y = y_i, Y = Σ_k y_k, v = v_i, W = Σ_k v_k e^{a_k}, T the
# temperature, e the label-smoothing ε.  An entry uses a few of them.  A generator that is not
# free at this N (z when every index is the entry's own, Y = y_1 when N = 1…) is "determined":
# derivatives are taken with it as a leaf (chain rule), then it is replaced by what it is.

GENS = ("x", "u", "z", "y", "Y", "v", "W", "T", "e")
X, U, Z, Y1, YSUM, V1, WSUM, TEMP, EPS = range(len(GENS))


def _ring() -> Ring:
    return rational.ring(GENS)


# the sums a closed form may name, built once (constructing a SymPy Sum is slow)
TARGET_SUM = nt.total(nt.y)
VECTOR_SUM = sympy.Sum(nt.S[nt.k] * nt.v[nt.k], (nt.k, 1, nt.N))


@dataclass
class Local:
    """An entry's local ring: what each generator stands for, and what is fixed."""

    n: int
    letter: str  # the logit family: "a" or "o"
    xs: dict[int, int]  # logit index -> generator position (X or U)
    ys: dict[int, int] = field(default_factory=dict)  # target index -> generator (Y1)
    vs: dict[int, int] = field(default_factory=dict)  # index of v -> generator (V1)
    used: set[int] = field(default_factory=set)
    tempered: bool = False
    determined: dict[int, rational.Poly] = field(default_factory=dict)
    fixed: dict[int, rational.Poly] = field(default_factory=dict)  # the hypotheses
    atoms: dict[sympy.Basic, Fraction] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ring = _ring()
        self.used |= set(self.xs.values()) | set(self.ys.values()) | set(self.vs.values())
        self.used.add(Z)
        if len(self.xs) == self.n:  # no index outside the entry: z is the sum it stands for
            self.determined[Z] = sum((ring.gens[g] for g in set(self.xs.values())), ring.zero)
        if self.tempered:
            self.used.add(TEMP)
            self.atoms[nt.T] = ring.gen(TEMP)

    def probability(self, index: int) -> Fraction:
        if index not in self.xs:
            raise UnsupportedExpression(f"index {index} is not local to this entry")
        ring = _ring()
        return rational.mul(ring.gen(self.xs[index]), rational.inverse(ring.gen(Z)))

    def with_targets(self) -> Local:
        """Add ``Y = Σ_k y_k`` (``= y_1`` when N = 1)."""
        ring = _ring()
        self.used.add(YSUM)
        self.atoms[TARGET_SUM] = ring.gen(YSUM)
        if self.n == 1:
            self.determined[YSUM] = ring.gens[Y1]
        return self

    def with_vector(self) -> Local:
        """Add ``W = Σ_k v_k x_k`` (``= v_1 x_1`` when N = 1)."""
        ring = _ring()
        self.used.add(WSUM)
        self.atoms[VECTOR_SUM] = rational.mul(ring.gen(WSUM), rational.inverse(ring.gen(Z)))
        if self.n == 1:
            self.determined[WSUM] = ring.gens[V1] * ring.gens[X]
        return self

    def leaf(self, binding: dict[sympy.Symbol, sympy.Integer]) -> Callable[[sympy.Basic], Fraction]:
        """Lower the leaves of a closed form in index notation, indices bound by ``binding``."""
        ring = _ring()

        def value(node: sympy.Basic) -> Fraction:
            hit = self.atoms.get(node)
            if hit is not None:
                return hit
            if isinstance(node, sympy.Indexed) and len(node.indices) == 1:
                index = binding.get(node.indices[0], node.indices[0])
                if not index.is_Integer:
                    raise UnsupportedExpression(f"unbound index in {node}")
                name, m = node.base.name, int(index)
                if name in ("S", "p"):
                    return self.probability(m)
                if name == "y" and m in self.ys:
                    return ring.gen(self.ys[m])
                if name == "v" and m in self.vs:
                    return ring.gen(self.vs[m])
                raise UnsupportedExpression(f"{node} is not local to this entry")
            if isinstance(node, sympy.KroneckerDelta):
                left, right = (binding.get(arg, arg) for arg in node.args)
                if left.is_Integer and right.is_Integer:
                    return ring.constant(int(left == right))
            if node == nt.N:
                return ring.constant(self.n)
            if node == nt.epsilon:  # free here; fixed when the targets are smoothed
                self.used.add(EPS)
                return ring.gen(EPS)
            raise UnsupportedExpression(f"{node} has no value in the local ring")

        return value

    def settle(self, f: Fraction) -> Fraction:
        """Replace the determined generators, then impose the hypotheses."""
        for table in (self.determined, self.fixed):
            if table:
                ring = _ring()
                images = [table.get(g, ring.gens[g]) for g in range(len(GENS))]
                f = rational.compose(f, images)
        return f


def _leaf_factor(softmax: Softmax) -> Fraction:
    """``∂e^{c a_k}/∂a_k ÷ e^{c a_k}`` (1, or 1/T), as SymPy derives it."""
    first = softmax.exponentials[0]
    factor = sympy.diff(first, softmax.logits[0]) / first  # SymPy cancels the exponential
    ring = _ring()
    return rational.lower(factor, ring, lambda node: _atom(node, ring))


def _atom(node: sympy.Basic, ring: Ring) -> Fraction:
    if node == nt.T:
        return ring.gen(TEMP)
    if node == nt.epsilon:
        return ring.gen(EPS)
    raise UnsupportedExpression(f"{node} has no value in the local ring")


def _jacobian_entry(
    theorem: Theorem, family: Family, row: int, column: int
) -> tuple[Local, Fraction]:
    """``D_column F_row`` for ``F_row = S_row`` or ``log S_row`` (``S`` maybe tempered)."""
    ring = _ring()
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
    ring = _ring()
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
    ring = _ring()
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
    ring = _ring()
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
    ring = _ring()
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
    ring = _ring()
    xs = {row: X} if row == column else {row: X, column: U}
    images: list[rational.Poly | None] = [None] * len(GENS)
    images[X] = ring.gens[X] if row == column else None
    images[Z] = ring.gens[xs[column]]
    local = Local(family.n, "o", xs, ys={row: Y1}).with_targets()
    return local, rational.derivation(gradient, images)


def _smoothing(local: Local, row: int, hot: int, n: int) -> None:
    """Impose ``y_k = (1 − ε) δ_kc + ε/N`` on the local generators."""
    ring = _ring()
    e = ring.gens[EPS]
    local.used.add(EPS)
    local.atoms[nt.epsilon] = ring.gen(EPS)
    local.fixed[Y1] = (ring.one - e) * int(row == hot) + e / n
    if YSUM in local.determined:
        local.determined.pop(YSUM)
    local.fixed[YSUM] = _smoothed_total(n)


@cache
def _smoothed_total(n: int) -> rational.Poly:
    """``Σ_{m=1}^N ((1 − ε) δ_mc + ε/N)`` as SymPy sums it for a symbolic class ``1 ≤ c ≤ N``
    (the same for every ``c``), as a polynomial in ``ε``."""
    m, c, size = sympy.Dummy("m", integer=True, positive=True), nt.c, nt.N
    smoothed = (1 - nt.epsilon) * sympy.KroneckerDelta(m, c) + nt.epsilon / size
    total = sympy.Sum(smoothed, (m, 1, size)).doit()
    inside = {c <= size: sympy.true, size >= c: sympy.true, c >= 1: sympy.true}
    total = total.replace(
        sympy.Piecewise,
        lambda *pairs: next(
            v for v, condition in pairs if condition.xreplace(inside) == sympy.true
        ),
    ).subs(size, n)
    ring = _ring()
    value = rational.lower(sympy.expand(total), ring, lambda node: _atom(node, ring))
    if not value[1].is_one():  # pragma: no cover - the sum is a polynomial in ε
        raise UnsupportedExpression("the smoothed targets do not sum to a polynomial")
    return value[0]


def _sum_to_one(local: Local) -> None:
    """Impose ``Σ_k y_k = 1`` by solving it for one free generator."""
    ring = _ring()
    if YSUM in local.determined:  # N = 1: Σ y is y_1
        local.fixed[Y1] = ring.one
    else:
        local.fixed[YSUM] = ring.one


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
            _sum_to_one(local)
        elif name == "label-smoothing":
            _smoothing(local, index[0], index[1], family.n)
        else:
            raise UnsupportedExpression(f"no fast path for the hypothesis {name}")
    return local, slope


def fast_entry(theorem: Theorem, family: Family, index: tuple[int, ...], seed: int) -> Verdict:
    """Prove or refute one entry in its local ring (the batched regression has a ring of its
    own: :func:`symsoft.verification.regression.regression_entry`)."""
    local, slope = local_entry(theorem, family, index)
    binding = family.binding(theorem, index)
    closed = rational.lower(theorem.closed_form, _ring(), local.leaf(binding))
    mechanical, closed = local.settle(slope), local.settle(closed)
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


_CERTIFICATES: dict[tuple[str, frozenset[int], bool], Verdict] = {}


def _proved_verdict(theorem: Theorem, local: Local) -> Verdict:
    free = frozenset(local.used - set(local.determined) - set(local.fixed))
    key = (theorem.kind, free, Z in local.determined)
    if key not in _CERTIFICATES:
        meaning = {
            X: "x_i",
            U: "x_j",
            Z: "z",
            Y1: "y_i",
            YSUM: "Σ_k y_k",
            V1: "v_i",
            WSUM: "Σ_k v_k x_k",
            TEMP: "T",
            EPS: "ε",
        }
        gens = ", ".join(meaning[g] for g in sorted(free))
        where = "z = Σ_k x_k" if Z in free else "z written out as the sum of the local x_k"
        _CERTIFICATES[key] = Verdict(
            "proved",
            reason=f"mechanical derivative − closed form = 0 in Q({gens}), x_k = e^(logit_k), "
            + where,
            certificate="numerator of the difference is the zero polynomial",
        )
    return _CERTIFICATES[key]


def _q(value: sympy.Rational) -> flint.fmpq:
    return flint.fmpq(int(value.p), int(value.q))


def _rq(value: flint.fmpq) -> sympy.Rational:
    return sympy.Rational(int(value.p), int(value.q))


def _local_counterexample(
    local: Local, mechanical: Fraction, closed: Fraction, seed: int
) -> Counterexample | None:
    """A point of the local generators where the two sides differ, described as values of the
    family's own variables (the indices outside the entry all share one value)."""
    rng = random.Random(seed)
    difference = rational.sub(mechanical, closed)
    outside = local.n - len(local.xs)
    positives = {TEMP, EPS}
    for attempt in range(ATTEMPTS):
        scale = 3 + attempt * attempt

        values = [sympy.Integer(1)] * len(GENS)
        for g in local.used:
            values[g] = _draw(rng, scale, g in positives or g in (X, U))
        rest = _draw(rng, scale, True)
        values[Z] = sum((values[g] for g in set(local.xs.values())), sympy.Integer(0)) + rest
        point = [_q(value) for value in values]
        for table in (local.fixed, local.determined, local.fixed):
            for g, image in table.items():
                point[g] = image(*point)
                values[g] = _rq(point[g])
        if any(values[g] <= 0 for g in positives & local.used):
            continue
        if Z not in local.determined and values[Z] <= sum(
            values[g] for g in set(local.xs.values())
        ):
            continue
        value = rational.evaluate(difference, point)
        left, right = rational.evaluate(mechanical, point), rational.evaluate(closed, point)
        if value is None or value == 0 or left is None or right is None:
            continue
        return _describe(local, values, rest, outside, left, right)
    return None


def _draw(rng: random.Random, scale: int, positive: bool) -> sympy.Rational:
    value = sympy.Rational(rng.randint(1, 2 * scale), rng.randint(1, scale))
    return value if positive or rng.random() < 0.6 else -value


def _describe(local, values, rest, outside, left, right) -> Counterexample:  # type: ignore[no-untyped-def]
    temperature = values[TEMP] if local.tempered else sympy.Integer(1)
    shown = [
        (f"{local.letter}_{m}", str(temperature * sympy.log(values[g])))
        for m, g in sorted(local.xs.items())
    ]
    shown += [(f"y_{m}", str(values[g])) for m, g in sorted(local.ys.items())]
    shown += [(f"v_{m}", str(values[g])) for m, g in sorted(local.vs.items())]
    if local.tempered:
        shown.append(("T", str(values[TEMP])))
    if EPS in local.used:
        shown.append(("epsilon", str(values[EPS])))
    shared = []
    if outside and Z not in local.determined:
        shared.append((local.letter, str(temperature * sympy.log(rest / outside))))
        if WSUM in local.used:
            local_w = sum(values[V1] * values[g] for m, g in local.xs.items() if m in local.vs)
            shared.append(("v", str((values[WSUM] - local_w) / rest)))
    if YSUM in local.used and YSUM not in local.determined and local.n > len(local.ys):
        rest_y = values[YSUM] - sum((values[g] for g in local.ys.values()), sympy.Integer(0))
        shared.append(("y", str(rest_y / (local.n - len(local.ys)))))
    return exact(shown, left, right, shared)


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
    ring = _ring()
    return ring.to_sympy(slope[0], meaning) / ring.to_sympy(slope[1], meaning)
