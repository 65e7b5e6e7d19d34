import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n))


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def e(v, k):
    return mp.exp(v.a[k - 1])


def S(v, k):
    return softmax(v.a)[k - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def quotient(v, n, i, j):
    return (d(lambda a: mp.exp(a[i - 1]), v.a, j) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2


def diagonal(v, n, i, j):
    return (e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2


IJ = ("i", "j")

STEPS = [
    Step(5, 37, indices=IJ, lhs=lambda v, n, i, j: dS(v, i, j), rhs=quotient),
    # the display of one term (line 9) is no step; "$$= …$$" goes on from line 5's right side
    Step(13, 3, indices=IJ, case="i = j", lhs=quotient, rhs=diagonal),
    Step(
        13,
        84,
        indices=IJ,
        case="i = j",
        lhs=diagonal,
        rhs=lambda v, n, i, j: S(v, i) - S(v, i) * S(v, j),
    ),
    Step(
        17,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: -e(v, i) * e(v, j) / Z(v) ** 2,
    ),
    Step(
        17,
        95,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -e(v, i) * e(v, j) / Z(v) ** 2,
        rhs=lambda v, n, i, j: S(v, i) * S(v, j),
        note="planted: the minus sign is lost",
    ),
]
