import mpmath as mp
from truth import Point, Step, d, d2, delta, logsumexp, reals, softmax


def sample(rng, n):
    # c: "a constant (in practice the max)"; the identities are claimed for the constant pulled out
    x = reals(rng, n)
    return Point(x=x, c=max(x) + mp.mpf(rng.uniform(-1, 1)))


def s(v, j):
    return softmax(v.x)[j - 1]


def S(v):
    return sum(mp.exp(t) for t in v.x)


def Sc(v):
    return sum(mp.exp(t - v.c) for t in v.x)


J = ("j",)

STEPS = [
    Step(10, 27, kind="definition"),
    Step(11, 33, kind="definition"),
    Step(
        21,
        58,
        indices=J,
        lhs=lambda v, n, j: d(logsumexp, v.x, j),
        rhs=lambda v, n, j: 1 / S(v) * mp.exp(v.x[j - 1]),
    ),
    Step(
        22,
        2,
        indices=J,
        lhs=lambda v, n, j: 1 / S(v) * mp.exp(v.x[j - 1]),
        rhs=lambda v, n, j: s(v, j),
    ),
    Step(
        29,
        73,
        indices=("j", "k"),
        lhs=lambda v, n, j, k: d2(logsumexp, v.x, k, j),
        rhs=lambda v, n, j, k: s(v, j) * (delta(j, k) - s(v, k)),
    ),
    Step(
        38,
        27,
        lhs=lambda v, n: logsumexp(v.x),
        rhs=lambda v, n: mp.log(mp.exp(v.c) * Sc(v)),
    ),
    Step(
        39,
        2,
        lhs=lambda v, n: mp.log(mp.exp(v.c) * Sc(v)),
        rhs=lambda v, n: mp.log(Sc(v)) - v.c,
        note="sign slip: log(e^c * S) = log S + c",
    ),
    Step(
        46,
        32,
        indices=J,
        lhs=lambda v, n, j: s(v, j),
        rhs=lambda v, n, j: mp.exp(v.x[j - 1] - v.c) / Sc(v),
    ),
]
