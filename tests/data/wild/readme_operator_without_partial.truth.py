import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n))


def p(v, i):
    return softmax(v.o)[i - 1]


def e(v, i):
    return mp.exp(v.o[i - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.o)


def dp(v, i, j):
    return d(lambda o: softmax(o)[i - 1], v.o, j)


IJ = ("i", "j")

STEPS = [
    Step(5, 8, kind="definition"),
    Step(9, 6, kind="definition"),
    Step(
        14,
        50,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
    ),
    Step(
        14,
        131,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        18,
        53,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (0 * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
    ),
    Step(
        18,
        128,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
        note="dropped minus sign",
    ),
    Step(
        23,
        37,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda o: -mp.log(softmax(o)[k - 1]), v.o, k),
        rhs=lambda v, n, k: -1 / p(v, k) * dp(v, k, k),
    ),
    Step(
        23,
        82,
        indices=("k",),
        lhs=lambda v, n, k: -1 / p(v, k) * dp(v, k, k),
        rhs=lambda v, n, k: p(v, k) - 1,
    ),
]
