import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(th=reals(rng, n))


def e(v, k):
    return mp.exp(v.th[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.th)


def p(v, i):
    return softmax(v.th)[i - 1]


def dp(v, i, j):
    return d(lambda th: softmax(th)[i - 1], v.th, j)


IJ = ("i", "j")

STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        13,
        42,
        indices=("i",),
        lhs=lambda v, n, i: dp(v, i, i),
        rhs=lambda v, n, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
    ),
    Step(
        13,
        163,
        indices=("i",),
        lhs=lambda v, n, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
        rhs=lambda v, n, i: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        19,
        42,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
        note="the i != j case computed as the i = j case (numerator derivative kept)",
    ),
    Step(
        19,
        163,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, j)),
    ),
    Step(
        25,
        42,
        indices=IJ,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
    ),
]
