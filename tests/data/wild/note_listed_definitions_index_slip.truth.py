import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n))


def s(v, i):
    return softmax(v.a)[i - 1]


def e(v, i):
    return mp.exp(v.a[i - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.a)


IJ = ("i", "j")


def middle(v, n, i, j):
    return (delta(i, j) * e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2


def slipped(v, n, i, j):
    return e(v, j) / Z(v) * (delta(i, j) * Z(v) - e(v, j)) / Z(v)


STEPS = [
    Step(3, 12, kind="definition"),
    Step(
        7,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: mp.exp(a[i - 1]), v.a, j),
        rhs=lambda v, n, i, j: e(v, i) if i == j else 0,
    ),
    Step(
        12,
        41,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: softmax(a)[i - 1], v.a, j),
        rhs=middle,
    ),
    Step(13, 2, indices=IJ, lhs=middle, rhs=slipped, note="index slip: e^{a_j} for e^{a_i}"),
    Step(
        14,
        2,
        indices=IJ,
        lhs=slipped,
        rhs=lambda v, n, i, j: s(v, j) * (delta(i, j) - s(v, j)),
    ),
    Step(19, 5, kind="definition"),
]
