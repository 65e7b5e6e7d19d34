import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

SIZES = (2,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-2, 2)))


def th(x):
    return mp.tanh(x)


STEPS = [
    Step(
        9,
        10,
        lhs=lambda v, n: th(v.x),
        rhs=lambda v, n: (mp.exp(v.x) - mp.exp(-v.x)) / (mp.exp(v.x) + mp.exp(-v.x)),
    ),
    Step(
        15,
        2,
        lhs=lambda v, n: dscalar(th, v.x),
        rhs=lambda v, n: (
            ((mp.exp(v.x) + mp.exp(-v.x)) ** 2 - (mp.exp(v.x) - mp.exp(-v.x)) ** 2)
            / (mp.exp(v.x) + mp.exp(-v.x)) ** 2
        ),
    ),
    Step(
        18,
        2,
        lhs=lambda v, n: (
            ((mp.exp(v.x) + mp.exp(-v.x)) ** 2 - (mp.exp(v.x) - mp.exp(-v.x)) ** 2)
            / (mp.exp(v.x) + mp.exp(-v.x)) ** 2
        ),
        rhs=lambda v, n: 1 - th(v.x) ** 2,
    ),
    Step(24, 10, lhs=lambda v, n: th(v.x), rhs=lambda v, n: 2 * sigmoid(2 * v.x) - 1),
    Step(
        26,
        2,
        lhs=lambda v, n: 2 * sigmoid(2 * v.x) - 1,
        rhs=lambda v, n: 2 / (1 + mp.exp(-2 * v.x)) - 1,
    ),
    Step(
        31,
        42,
        lhs=lambda v, n: dscalar(lambda t: 1 - th(t) ** 2, v.x),
        rhs=lambda v, n: -th(v.x) * (1 - th(v.x) ** 2),
        note="planted: the factor 2 of the chain rule is lost",
    ),
]
