import mpmath as mp
from truth import Point, Step, dscalar

# a forum reply: tanh by the quotient rule, ending in 1/cosh^2; planted: the last line's sign


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def dy(v):
    return dscalar(mp.tanh, v.x)


def c(v):
    return mp.exp(v.x) + mp.exp(-v.x)


def s(v):
    return mp.exp(v.x) - mp.exp(-v.x)


STEPS = [
    Step(6, 17, lhs=lambda v, n: dy(v), rhs=lambda v, n: (c(v) * c(v) - s(v) * s(v)) / c(v) ** 2),
    Step(
        10,
        3,
        lhs=lambda v, n: (c(v) * c(v) - s(v) * s(v)) / c(v) ** 2,
        rhs=lambda v, n: 4 / c(v) ** 2,
    ),
    Step(12, 3, lhs=lambda v, n: 4 / c(v) ** 2, rhs=lambda v, n: 4 / (2 * mp.cosh(v.x)) ** 2),
    Step(
        14, 3, lhs=lambda v, n: 4 / (2 * mp.cosh(v.x)) ** 2, rhs=lambda v, n: 1 / mp.cosh(v.x) ** 2
    ),
    Step(
        18,
        17,
        lhs=lambda v, n: dy(v),
        rhs=lambda v, n: 1 + mp.tanh(v.x) ** 2,
        note="planted: the sign of tanh^2",
    ),
]
