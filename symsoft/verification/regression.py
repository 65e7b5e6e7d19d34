"""The batched softmax regression on the fast path: ``∂L/∂W_dk`` as a derivation on a ring.

``L = -(1/M) Σ_n Σ_c Y_nc log softmax(A_n)_c`` with ``A = XW``.  The only non-rational leaves
of ``L`` are the exponentials ``e^{A_nc}``; each becomes a positive generator ``x_nc``, and the
derivation ``D = ∂/∂W_dk`` acts on it by the chain rule, ``D x_nc = x_nc · ∂A_nc/∂W_dk``, with
``∂A_nc/∂W_dk`` taken by SymPy's ``diff`` of the exponent.  Everything else — the partition
sums ``Σ_c e^{A_nc}``, the quotients, the logarithms — is differentiated by walking the SymPy
expression the builder made, with the rules of :func:`~symsoft.verification.derivation.derive`.
No closed form enters.

The generators ``x_nc``, ``X_nd`` and ``Y_nc`` are independent in ``Q(X, Y, x)``: an identity
there holds at every real point, so a zero difference is a proof.  A non-zero difference is
not turned into a counterexample here (not every point of the ring is some ``(X, W)``): the
entry then goes to the reference path, which refutes it at a real point.
"""

from __future__ import annotations

import random

import flint
import sympy

from symsoft.algebra import rational
from symsoft.algebra.counterexample import exact
from symsoft.algebra.rational import Fraction, Ring
from symsoft.catalogue.family import Family
from symsoft.catalogue.theorems import Theorem
from symsoft.errors import UnsupportedExpression
from symsoft.results import Counterexample, Verdict
from symsoft.verification.derivation import derive

ATTEMPTS = 40


def _partitions(family: Family) -> list[sympy.Expr]:
    """The partition sums ``Σ_c e^{A_nc}``, one per sample, as the builder made them."""
    probabilities = family.regression["P"]
    partitions = [probabilities[row, 0].as_numer_denom()[1] for row in range(family.sizes.samples)]
    if not all(p.is_Add for p in partitions):  # one class: SymPy cancelled e^{A_n1}/e^{A_n1}
        raise UnsupportedExpression("no partition sum to keep as a generator")
    return partitions


def _ring(family: Family) -> tuple[Ring, dict[sympy.Basic, int]]:
    """``Q[X_nd, Y_nc, x_nc, z_n]`` for every sample ``n``, feature ``d`` and class ``c``;
    ``z_n`` stands for the partition sum ``Σ_c x_nc``."""
    key = "regression-ring"
    cached = family.cache.get(key)
    if cached is None:
        r = family.regression
        exponentials = [sympy.exp(a) for a in r["X"] * r["W"]]
        symbols = [*r["X"], *r["Y"], *exponentials, *_partitions(family)]
        ring = rational.ring(tuple(f"g{k}" for k in range(len(symbols))))
        cached = family.cache[key] = (ring, {s: k for k, s in enumerate(symbols)})
    return cached  # type: ignore[return-value]


def generators(family: Family) -> list[sympy.Expr]:
    """What each generator of the ring stands for, as SymPy expressions over the family."""
    _, where = _ring(family)
    return sorted(where, key=where.__getitem__)


def _leaves(family: Family, ring: Ring, where: dict[sympy.Basic, int], weight: sympy.Symbol):
    """Each leaf of ``L`` with its value and its derivative by ``weight``."""
    r = family.regression
    zero = (ring.zero, ring.one)
    leaves: dict[sympy.Basic, tuple[Fraction | None, Fraction]] = {}
    for symbol in (*r["X"], *r["Y"]):
        leaves[symbol] = (ring.gen(where[symbol]), zero)
    for exponent in r["X"] * r["W"]:
        x = ring.gen(where[sympy.exp(exponent)])
        slope = sympy.diff(exponent, weight)  # ∂A_nc/∂W_dk, by SymPy
        factor = rational.lower(slope, ring, lambda node: leaves[node][0])  # type: ignore[arg-type,return-value]
        leaves[sympy.exp(exponent)] = (x, rational.mul(x, factor))
    for partition in _partitions(family):
        # the value is the generator z_n; the derivative comes from the sum rule
        leaves[partition] = (ring.gen(where[partition]), derive(partition, ring, leaves)[1])
    return leaves


def derivative(family: Family, index: tuple[int, ...]) -> tuple[Ring, Fraction]:
    """``∂L/∂W_dk`` for ``index = (d, k)`` as a fraction in ``Q(X, Y, x)``."""
    ring, where = _ring(family)
    r = family.regression
    weight = r["W"][index[0] - 1, index[1] - 1]
    return ring, derive(r["L"], ring, _leaves(family, ring, where, weight))[1]


def _images(theorem: Theorem, family: Family, ring: Ring, where, partitions: bool = True) -> list:  # type: ignore[no-untyped-def]
    """The generators' images: ``z_n = Σ_c x_nc`` (what the partition sum is, unless
    ``partitions`` is false), and ``Y_nK = 1 − Σ_{c<K} Y_nc`` under the hypothesis."""
    images = list(ring.gens)
    for partition in _partitions(family) if partitions else ():
        images[where[partition]] = sum(
            (ring.gens[where[term]] for term in partition.args), ring.zero
        )
    for name in theorem.hypotheses:
        if name != "rows-sum-to-one":
            raise UnsupportedExpression(f"no fast path for the hypothesis {name}")
        y = family.regression["Y"]
        classes = family.sizes.classes
        for row in range(family.sizes.samples):
            rest = sum((ring.gens[where[y[row, c]]] for c in range(classes - 1)), ring.zero)
            images[where[y[row, classes - 1]]] = ring.one - rest
    return images


def regression_entry(
    theorem: Theorem, family: Family, index: tuple[int, ...], seed: int = 0
) -> Verdict:
    """Prove or refute one entry ``∂L/∂W_dk`` in the ring.  A refutation is at a real point:
    integer inputs ``X_nd`` and weights ``W_dc = log q_dc``, so that every
    ``x_nc = Π_d q_dc^{X_nd}`` is rational.  Without such a point, UnsupportedExpression (the
    entry then goes to the reference path)."""
    ring, slope = derivative(family, index)
    _, where = _ring(family)
    partitions = {p: sympy.Dummy(f"z_{row}") for row, p in enumerate(_partitions(family), 1)}
    atoms = {**where, **{dummy: where[p] for p, dummy in partitions.items()}}
    closed = rational.lower(
        family.closed(theorem, index).xreplace(partitions),
        ring,
        lambda node: _closed_leaf(node, ring, atoms),
    )
    hypotheses = _images(theorem, family, ring, where, partitions=False)
    images = _images(theorem, family, ring, where)
    # first with each z_n a free generator: an identity for every z_n holds at z_n = Σ_c x_nc,
    # and the fractions stay small; then the numerator of the difference with z_n written out
    # (its denominator, a product of x_nc and z_n, is positive)
    settled = [(f[0].compose(*hypotheses), f[1].compose(*hypotheses)) for f in (slope, closed)]
    numerator = rational.sub(*settled)[0]
    for free in (True, False):
        if numerator.is_zero():
            given = ", Y_nK = 1 − Σ_c<K Y_nc" if theorem.hypotheses else ""
            where_z = "z_n free" if free else "z_n = Σ_c x_nc"
            return Verdict(
                "proved",
                reason="mechanical derivative − closed form = 0 in Q(X_nd, Y_nc, x_nc, z_n), "
                f"x_nc = e^(A_nc), {where_z}" + given,
                certificate="numerator of the difference is the zero polynomial",
            )
        if free and len(numerator) > 2000:
            break  # not an identity in z_n, and too large to write out: look for a witness
        numerator = numerator.compose(*images)
    counterexample = _counterexample(family, where, images, slope, closed, seed)
    if counterexample is None:
        raise UnsupportedExpression("no witness in the ring; the reference path decides")
    return Verdict(
        "refuted",
        reason="mechanical derivative ≠ closed form: " + counterexample.describe(),
        counterexample=counterexample,
    )


def _counterexample(family, where, images, slope, closed, seed) -> Counterexample | None:  # type: ignore[no-untyped-def]
    r = family.regression
    x_, w_, y_ = r["X"], r["W"], r["Y"]
    rng = random.Random(seed)
    for attempt in range(ATTEMPTS):
        scale = 3 + attempt
        inputs = {s: rng.choice([-1, 1]) * rng.randint(1, scale) for s in x_}
        weights = {s: sympy.Rational(rng.randint(1, 2 * scale), rng.randint(1, scale)) for s in w_}
        targets = {s: sympy.Rational(rng.randint(-2 * scale, 2 * scale), scale) for s in y_}
        point = [flint.fmpq(0)] * len(where)
        for s, value in (*inputs.items(), *targets.items()):
            point[where[s]] = flint.fmpq(int(sympy.Rational(value).p), int(sympy.Rational(value).q))
        for row in range(x_.rows):
            for column in range(w_.cols):
                value = sympy.Mul(
                    *(weights[w_[d, column]] ** inputs[x_[row, d]] for d in range(x_.cols))
                )
                point[where[sympy.exp((x_ * w_)[row, column])]] = flint.fmpq(
                    int(value.p), int(value.q)
                )
        point = [image(*point) for image in images]  # z_n = Σ_c x_nc; the hypothesis on Y
        left, right = rational.evaluate(slope, point), rational.evaluate(closed, point)
        if left is None or right is None or left == right:
            continue
        values = {**inputs, **{s: sympy.log(q) for s, q in weights.items()}}
        values.update(
            {s: sympy.Rational(int(point[where[s]].p), int(point[where[s]].q)) for s in y_}
        )
        return exact(((str(s), values[s]) for s in (*x_, *w_, *y_)), left, right)
    return None


def _closed_leaf(node: sympy.Basic, ring: Ring, where: dict[sympy.Basic, int]) -> Fraction:
    if node in where:  # X_nd, Y_nc, e^{A_nc} (partition sums are lowered as the sums they are)
        return ring.gen(where[node])
    raise UnsupportedExpression(f"{node} has no value in the ring of the regression")
