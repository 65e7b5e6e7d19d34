import mpmath as mp
from truth import Point, Step, dscalar, sigmoid


def sample(rng, n):
    # "Let 0 <= q <= 1 be the target"
    return Point(q=mp.mpf(rng.uniform(0, 1)), u=mp.mpf(rng.uniform(-4, 4)))


def loss(q, u):
    return -q * mp.log(sigmoid(u)) - (1 - q) * mp.log(1 - sigmoid(u))


def e(t):
    return mp.exp(t)


STEPS = [
    Step(10, 7, kind="definition"),
    Step(
        11,
        2,
        lhs=lambda v, n: loss(v.q, v.u),
        rhs=lambda v, n: (
            -v.q * mp.log(e(v.u) / (1 + e(v.u))) - (1 - v.q) * mp.log(1 / (1 + e(v.u)))
        ),
    ),
    Step(
        12,
        2,
        lhs=lambda v, n: (
            -v.q * mp.log(e(v.u) / (1 + e(v.u))) - (1 - v.q) * mp.log(1 / (1 + e(v.u)))
        ),
        rhs=lambda v, n: -v.q * v.u + v.q * mp.log(1 + e(v.u)) + (1 - v.q) * mp.log(1 + e(v.u)),
    ),
    Step(
        13,
        2,
        lhs=lambda v, n: -v.q * v.u + v.q * mp.log(1 + e(v.u)) + (1 - v.q) * mp.log(1 + e(v.u)),
        rhs=lambda v, n: -v.q * v.u + mp.log(1 + e(v.u)),
    ),
    Step(
        18,
        10,
        lhs=lambda v, n: dscalar(lambda u: loss(v.q, u), v.u),
        rhs=lambda v, n: -v.q + e(v.u) / (1 + e(v.u)),
    ),
    Step(
        18,
        37,
        lhs=lambda v, n: -v.q + e(v.u) / (1 + e(v.u)),
        rhs=lambda v, n: v.q - sigmoid(v.u),
        note="the sign flipped: the derivative is sigma(u) - q",
    ),
]
