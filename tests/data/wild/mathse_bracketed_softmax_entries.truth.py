"""Softmax entries written [softmax(z)]_k (a bracket around the call, the index outside); the
question's Jacobian drops the Kronecker delta (true only on the diagonal)."""

import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=distribution(rng, n))  # the answer states sum_k y_k = 1


def S(v, i):
    return softmax(v.z)[i - 1]


def Z(v):
    return sum(mp.exp(u) for u in v.z)


def dS(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def loss(z, y):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


IJ = ("i", "j")

STEPS = [
    Step(  # the question: the delta dropped, true only when i = j
        5,
        61,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
    ),
    Step(
        13,
        31,
        indices=("i",),
        lhs=lambda v, n, i: S(v, i),
        rhs=lambda v, n, i: mp.exp(v.z[i - 1]) / Z(v),
    ),
    Step(
        20,
        1,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: (
            (delta(i, j) * mp.exp(v.z[i - 1]) * Z(v) - mp.exp(v.z[i - 1]) * mp.exp(v.z[j - 1]))
            / Z(v) ** 2
        ),
    ),
    Step(
        21,
        1,
        indices=IJ,
        lhs=lambda v, n, i, j: (
            (delta(i, j) * mp.exp(v.z[i - 1]) * Z(v) - mp.exp(v.z[i - 1]) * mp.exp(v.z[j - 1]))
            / Z(v) ** 2
        ),
        rhs=lambda v, n, i, j: S(v, i) * (delta(i, j) - S(v, j)),
    ),
    Step(
        27,
        36,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(z, v.y), v.z, j),
        rhs=lambda v, n, j: -sum(v.y[k - 1] * (delta(k, j) - S(v, j)) for k in range(1, n + 1)),
    ),
    Step(
        27,
        107,
        indices=("j",),
        lhs=lambda v, n, j: -sum(v.y[k - 1] * (delta(k, j) - S(v, j)) for k in range(1, n + 1)),
        rhs=lambda v, n, j: S(v, j) - v.y[j - 1],
    ),
]
