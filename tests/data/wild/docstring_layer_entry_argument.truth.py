import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def ez(v, k):
    return mp.exp(v.z[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def p(v, i):
    return softmax(v.z)[i - 1]


def dp(v, i, k):
    return d(lambda z: softmax(z)[i - 1], v.z, k)


IK = ("i", "k")

STEPS = [
    Step(5, 11, kind="definition"),
    Step(
        9,
        48,
        indices=IK,
        case="i = k",
        lhs=lambda v, n, i, k: dp(v, i, k),
        rhs=lambda v, n, i, k: (ez(v, i) * Z(v) - ez(v, i) ** 2) / Z(v) ** 2,
    ),
    Step(
        9,
        125,
        indices=IK,
        case="i = k",
        lhs=lambda v, n, i, k: (ez(v, i) * Z(v) - ez(v, i) ** 2) / Z(v) ** 2,
        rhs=lambda v, n, i, k: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        13,
        48,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: dp(v, i, k),
        rhs=lambda v, n, i, k: -ez(v, i) * ez(v, k) / Z(v) ** 2,
    ),
    Step(
        13,
        106,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: -ez(v, i) * ez(v, k) / Z(v) ** 2,
        rhs=lambda v, n, i, k: p(v, i) * p(v, k),
        note="the minus sign of the off-diagonal entry is dropped",
    ),
]
