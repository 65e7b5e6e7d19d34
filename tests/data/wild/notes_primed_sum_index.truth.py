"""Softmax regression with a primed summation index, sum_{k'} e^{z_{k'}}; targets summing to
one (stated); a student's sign slip in the loss gradient."""

import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=distribution(rng, n))


def Z(z):
    return sum(mp.exp(u) for u in z)


def p(v, k):
    return softmax(v.z)[k - 1]


def loss(z, y):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def lse_term(v, n):
    return -sum(v.y[k] * v.z[k] for k in range(n)) + mp.log(Z(v.z))


def middle(v, n, j):  # -y_j + e^{z_j} / Z * sum_k y_k
    return -v.y[j - 1] + mp.exp(v.z[j - 1]) / Z(v.z) * sum(v.y)


KJ = ("k", "j")

STEPS = [
    Step(7, 5, kind="definition"),
    Step(13, 6, kind="definition"),
    Step(13, 37, lhs=lambda v, n: loss(v.z, v.y), rhs=lse_term),
    Step(
        19,
        63,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: mp.log(Z(z)), v.z, j),
        rhs=lambda v, n, j: mp.exp(v.z[j - 1]) / Z(v.z),
    ),
    Step(
        19,
        108,
        indices=("j",),
        lhs=lambda v, n, j: mp.exp(v.z[j - 1]) / Z(v.z),
        rhs=lambda v, n, j: p(v, j),
    ),
    Step(
        27,
        35,
        indices=KJ,
        lhs=lambda v, n, k, j: d(lambda z: softmax(z)[k - 1], v.z, j),
        rhs=lambda v, n, k, j: (
            (delta(k, j) * mp.exp(v.z[k - 1]) * Z(v.z) - mp.exp(v.z[k - 1]) * mp.exp(v.z[j - 1]))
            / Z(v.z) ** 2
        ),
    ),
    Step(
        27,
        140,
        indices=KJ,
        lhs=lambda v, n, k, j: (
            (delta(k, j) * mp.exp(v.z[k - 1]) * Z(v.z) - mp.exp(v.z[k - 1]) * mp.exp(v.z[j - 1]))
            / Z(v.z) ** 2
        ),
        rhs=lambda v, n, k, j: p(v, k) * (delta(k, j) - p(v, j)),
    ),
    Step(
        35,
        36,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(z, v.y), v.z, j),
        rhs=middle,
    ),
    Step(  # wrong: the sign of y_j
        35, 103, indices=("j",), lhs=middle, rhs=lambda v, n, j: p(v, j) + v.y[j - 1]
    ),
    Step(
        41,
        36,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(z, v.y), v.z, j),
        rhs=middle,
    ),
    Step(41, 103, indices=("j",), lhs=middle, rhs=lambda v, n, j: p(v, j) - v.y[j - 1]),
]
