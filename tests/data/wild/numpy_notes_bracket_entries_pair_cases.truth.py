import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n))


def y(v, k):
    return softmax(v.x)[k - 1]


def S(v):
    return sum(mp.exp(t) for t in v.x)


def dy(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def e(v, k):
    return mp.exp(v.x[k - 1])


IJ = ("i", "j")

STEPS = [
    Step(11, 8, kind="definition"),
    Step(
        18,
        39,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (e(v, i) * S(v) - e(v, i) * e(v, j)) / S(v) ** 2,
    ),
    Step(
        20,
        3,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: (e(v, i) * S(v) - e(v, i) * e(v, j)) / S(v) ** 2,
        rhs=lambda v, n, i, j: e(v, i) / S(v) - e(v, i) / S(v) * e(v, j) / S(v),
    ),
    Step(
        22,
        3,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: e(v, i) / S(v) - e(v, i) / S(v) * e(v, j) / S(v),
        rhs=lambda v, n, i, j: y(v, i) * (1 - y(v, j)),
    ),
    Step(
        26,
        39,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / S(v) ** 2,
    ),
    Step(
        28,
        3,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / S(v) ** 2,
        rhs=lambda v, n, i, j: y(v, i) * y(v, j),
        note="planted: the minus sign dropped",
    ),
]
