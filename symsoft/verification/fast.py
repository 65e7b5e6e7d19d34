"""Prove or refute one entry on the fast path: the mechanical derivative in its local ring
against the closed form lowered into the same ring; a certificate when they are equal, else an
exact point of the family's own variables where they differ."""

from __future__ import annotations

import random

import flint
import sympy

from symsoft.algebra import rational
from symsoft.algebra.counterexample import exact
from symsoft.algebra.rational import Fraction
from symsoft.catalogue.family import Family
from symsoft.catalogue.theorems import Theorem
from symsoft.results import Counterexample, Verdict
from symsoft.verification.entries import local_entry
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
)

ATTEMPTS = 40


def fast_entry(theorem: Theorem, family: Family, index: tuple[int, ...], seed: int) -> Verdict:
    """Prove or refute one entry in its local ring (the batched regression has a ring of its
    own: :func:`symsoft.verification.regression.regression_entry`)."""
    local, slope = local_entry(theorem, family, index)
    binding = family.binding(theorem, index)
    closed = rational.lower(theorem.closed_form, local_ring(), local.leaf(binding))
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
        sides = rational.apart(difference, mechanical, closed, point, sides_always=True)
        if sides is None:
            continue
        left, right = sides
        return _describe(local, values, rest, outside, left, right)
    return None


def _draw(rng: random.Random, scale: int, positive: bool) -> sympy.Rational:
    value = sympy.Rational(rng.randint(1, 2 * scale), rng.randint(1, scale))
    return value if positive or rng.random() < 0.6 else -value


def _describe(local, values, rest, outside, left, right) -> Counterexample:  # type: ignore[no-untyped-def]
    temperature = values[TEMP] if local.tempered else sympy.Integer(1)
    shown = [
        (f"{local.letter}_{m}", temperature * sympy.log(values[g]))
        for m, g in sorted(local.xs.items())
    ]
    shown += [(f"y_{m}", values[g]) for m, g in sorted(local.ys.items())]
    shown += [(f"v_{m}", values[g]) for m, g in sorted(local.vs.items())]
    if local.tempered:
        shown.append(("T", values[TEMP]))
    if EPS in local.used:
        shown.append(("epsilon", values[EPS]))
    shared = []
    if outside and Z not in local.determined:
        shared.append((local.letter, temperature * sympy.log(rest / outside)))
        if WSUM in local.used:
            local_w = sum(values[V1] * values[g] for m, g in local.xs.items() if m in local.vs)
            shared.append(("v", (values[WSUM] - local_w) / rest))
    if YSUM in local.used and YSUM not in local.determined and local.n > len(local.ys):
        rest_y = values[YSUM] - sum((values[g] for g in local.ys.values()), sympy.Integer(0))
        shared.append(("y", rest_y / (local.n - len(local.ys))))
    return exact(shown, left, right, shared)
