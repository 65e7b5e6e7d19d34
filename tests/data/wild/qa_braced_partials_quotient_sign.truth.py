import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(o=reals(rng, n))


def p(v, k):
    return softmax(v.o)[k - 1]


def dp(v, i, j):
    return d(lambda o: softmax(o)[i - 1], v.o, j)


def Z(v):
    return sum(mp.exp(x) for x in v.o)


def quotient(v, i, j, sign):
    e = [mp.exp(x) for x in v.o]
    return (delta(i, j) * e[i - 1] * Z(v) + sign * e[i - 1] * e[j - 1]) / Z(v) ** 2


IJ = ("i", "j")

STEPS = [
    Step(1, 39, kind="definition"),
    # planted: the quotient rule with a plus sign
    Step(
        4,
        39,
        indices=IJ,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: quotient(v, i, j, 1),
    ),
    # consistent with the wrong line before it
    Step(
        4,
        119,
        indices=IJ,
        lhs=lambda v, n, i, j: quotient(v, i, j, 1),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) + p(v, j)),
    ),
    Step(
        8,
        39,
        indices=IJ,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: quotient(v, i, j, -1),
    ),
    Step(
        8,
        119,
        indices=IJ,
        lhs=lambda v, n, i, j: quotient(v, i, j, -1),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
    ),
    Step(
        10,
        56,
        indices=("i",),
        lhs=lambda v, n, i: dp(v, i, i),
        rhs=lambda v, n, i: p(v, i) * (1 - p(v, i)),
    ),
]
