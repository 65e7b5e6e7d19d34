import mpmath as mp
from truth import Point, Step, d, reals, softmax

# every formula is a one-line $…$ paragraph; the cases are announced in Chinese prose


def sample(rng, n):
    return Point(z=reals(rng, n))


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


def s(v, k):
    return softmax(v.z)[k - 1]


def ds(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


IJ = ("i", "j")

STEPS = [
    Step(5, 6, kind="definition"),
    Step(
        11,
        40,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: mp.exp(z[i - 1]), v.z, i),
        rhs=lambda v, n, i: e(v, i),
    ),
    Step(
        17,
        2,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: ds(v, i, j),
        rhs=lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
    ),
    Step(
        19,
        2,
        indices=("i",),
        lhs=lambda v, n, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
        rhs=lambda v, n, i: s(v, i) - s(v, i) ** 2,
    ),
    Step(
        25,
        2,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: ds(v, i, j),
        rhs=lambda v, n, i, j: -e(v, i) * e(v, j) / Z(v) ** 2,
    ),
    Step(
        27,
        2,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -e(v, i) * e(v, j) / Z(v) ** 2,
        rhs=lambda v, n, i, j: s(v, i) * s(v, j),
        note="planted: the minus sign of the off-diagonal entry is lost",
    ),
]
