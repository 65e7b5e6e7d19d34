"""The local ring of one entry (the fast path).

For entry ``(i, j)`` of the softmax Jacobian only ``x_i = e^{a_i}``, ``x_j = e^{a_j}`` and the
partition sum ``z = Σ_k x_k`` occur, so the entry is computed in ``Q(x_i, x_j, z)`` whatever N
is.

Soundness of the local ring: ``z`` is an independent generator only when some index lies
outside the entry's own indices; otherwise ``z`` *is* the sum of the local ``x`` and is
replaced by it.  The same holds for the sum of targets ``Σ_{k≠i} y_k``.  The hypotheses
(``Σ_k y_k = 1``, label smoothing) are imposed here as substitutions of the generators.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import sympy

from symsoft.algebra import rational
from symsoft.algebra.rational import Fraction, Ring
from symsoft.catalogue import notation as nt
from symsoft.errors import UnsupportedExpression

# Every entry lives in Q[x, u, z, y, Y, v, W, T, e]: x = e^{a_i}, u = e^{a_j} (the entry's own
# exponentials), z = Σ_k e^{a_k}, y = y_i, Y = Σ_k y_k, v = v_i, W = Σ_k v_k e^{a_k}, T the
# temperature, e the label-smoothing ε.  An entry uses a few of them.  A generator that is not
# free at this N (z when every index is the entry's own, Y = y_1 when N = 1…) is "determined":
# derivatives are taken with it as a leaf (chain rule), then it is replaced by what it is.

GENS = ("x", "u", "z", "y", "Y", "v", "W", "T", "e")
X, U, Z, Y1, YSUM, V1, WSUM, TEMP, EPS = range(len(GENS))


def local_ring() -> Ring:
    """``Q[x, u, z, y, Y, v, W, T, e]``, the ring every entry is computed in."""
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
        ring = local_ring()
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
        ring = local_ring()
        return rational.mul(ring.gen(self.xs[index]), rational.inverse(ring.gen(Z)))

    def with_targets(self) -> Local:
        """Add ``Y = Σ_k y_k`` (``= y_1`` when N = 1)."""
        ring = local_ring()
        self.used.add(YSUM)
        self.atoms[TARGET_SUM] = ring.gen(YSUM)
        if self.n == 1:
            self.determined[YSUM] = ring.gens[Y1]
        return self

    def with_vector(self) -> Local:
        """Add ``W = Σ_k v_k x_k`` (``= v_1 x_1`` when N = 1)."""
        ring = local_ring()
        self.used.add(WSUM)
        self.atoms[VECTOR_SUM] = rational.mul(ring.gen(WSUM), rational.inverse(ring.gen(Z)))
        if self.n == 1:
            self.determined[WSUM] = ring.gens[V1] * ring.gens[X]
        return self

    def leaf(self, binding: dict[sympy.Symbol, sympy.Integer]) -> Callable[[sympy.Basic], Fraction]:
        """Lower the leaves of a closed form in index notation, indices bound by ``binding``."""
        ring = local_ring()

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
                ring = local_ring()
                images = [table.get(g, ring.gens[g]) for g in range(len(GENS))]
                f = rational.compose(f, images)
        return f


def parameter(node: sympy.Basic, ring: Ring) -> Fraction:
    """The generator of the temperature ``T`` or the smoothing ``ε``."""
    if node == nt.T:
        return ring.gen(TEMP)
    if node == nt.epsilon:
        return ring.gen(EPS)
    raise UnsupportedExpression(f"{node} has no value in the local ring")


def smoothing(local: Local, row: int, hot: int, n: int) -> None:
    """Impose ``y_k = (1 − ε) δ_kc + ε/N`` on the local generators."""
    ring = local_ring()
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
    ring = local_ring()
    value = rational.lower(sympy.expand(total), ring, lambda node: parameter(node, ring))
    if not value[1].is_one():  # pragma: no cover - the sum is a polynomial in ε
        raise UnsupportedExpression("the smoothed targets do not sum to a polynomial")
    return value[0]


def sum_to_one(local: Local) -> None:
    """Impose ``Σ_k y_k = 1`` by solving it for one free generator."""
    ring = local_ring()
    if YSUM in local.determined:  # N = 1: Σ y is y_1
        local.fixed[Y1] = ring.one
    else:
        local.fixed[YSUM] = ring.one
