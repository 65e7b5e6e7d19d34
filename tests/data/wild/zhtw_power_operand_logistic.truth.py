"""A derivative operator before a power (d/dz e^{-z}, d/dz z^2): the logistic loss term
ln(1 + e^{-z}) differentiated step by step; one planted sign slip."""

import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

SIZES = (1,)


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-2, 2)))


def inner(z):
    return 1 + mp.exp(-z)


def d_inner(v, n):
    return dscalar(inner, v.z)


def d_log(v, n):
    return dscalar(lambda z: mp.log(inner(z)), v.z)


STEPS = [
    Step(8, 28, lhs=d_inner, rhs=lambda v, n: 0 + dscalar(lambda z: mp.exp(-z), v.z)),
    Step(
        9,
        2,
        lhs=lambda v, n: 0 + dscalar(lambda z: mp.exp(-z), v.z),
        rhs=lambda v, n: 0 + dscalar(lambda z: mp.exp(-z), v.z),
    ),
    Step(
        10, 2, lhs=lambda v, n: dscalar(lambda z: mp.exp(-z), v.z), rhs=lambda v, n: -mp.exp(-v.z)
    ),
    Step(17, 30, lhs=d_log, rhs=lambda v, n: 1 / inner(v.z) * d_inner(v, n)),
    Step(
        17,
        85,
        lhs=lambda v, n: 1 / inner(v.z) * d_inner(v, n),
        rhs=lambda v, n: -mp.exp(-v.z) / inner(v.z),
    ),
    Step(23, 19, lhs=lambda v, n: dscalar(lambda z: z**2, v.z), rhs=lambda v, n: 2 * v.z),
    Step(  # wrong: the sign of the exponent's derivative lost
        29, 21, lhs=lambda v, n: dscalar(lambda z: mp.exp(-z), v.z), rhs=lambda v, n: mp.exp(-v.z)
    ),
    Step(35, 30, lhs=d_log, rhs=lambda v, n: sigmoid(v.z) - 1),
]
