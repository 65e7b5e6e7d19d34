import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(theta=reals(rng, n))


def e(v, k):
    return mp.exp(v.theta[k - 1])


def total(v):
    return sum(mp.exp(t) for t in v.theta)


def p(v, i):
    return softmax(v.theta)[i - 1]


def dp(v, i, j):
    return d(lambda t: softmax(t)[i - 1], v.theta, j)


IJ = ("i", "j")

STEPS = [
    Step(8, 5, kind="definition"),
    Step(
        14,
        41,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (e(v, i) * total(v) - e(v, i) * e(v, j)) / total(v) ** 2,
        indices=IJ,
        case="i = j",
    ),
    Step(
        15,
        2,
        lhs=lambda v, n, i, j: (e(v, i) * total(v) - e(v, i) * e(v, j)) / total(v) ** 2,
        rhs=lambda v, n, i, j: e(v, i) / total(v) * (total(v) - e(v, j)) / total(v),
        indices=IJ,
        case="i = j",
    ),
    Step(
        16,
        2,
        lhs=lambda v, n, i, j: e(v, i) / total(v) * (total(v) - e(v, j)) / total(v),
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, j)),
        indices=IJ,
        case="i = j",
    ),
    Step(
        23,
        41,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / total(v) ** 2,
        indices=IJ,
        case="i != j",
    ),
    Step(
        24,
        2,
        lhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / total(v) ** 2,
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
        indices=IJ,
        case="i != j",
    ),
]
