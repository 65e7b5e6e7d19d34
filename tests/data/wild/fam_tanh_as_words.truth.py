import mpmath as mp
from truth import Point, Step, dscalar, sigmoid


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def e2(v):
    return mp.exp(2 * v.x)


STEPS = [
    Step(7, 16, lhs=lambda v, n: mp.tanh(v.x), rhs=lambda v, n: (e2(v) - 1) / (e2(v) + 1)),
    Step(
        11,
        19,
        lhs=lambda v, n: sigmoid(v.x),
        rhs=lambda v, n: mp.exp(v.x) / (mp.exp(v.x) + 1),
    ),
    Step(
        18,
        28,
        lhs=lambda v, n: 2 * sigmoid(2 * v.x) - 1,
        rhs=lambda v, n: 2 * e2(v) / (1 + e2(v)) - 1,
    ),
    Step(
        19,
        2,
        lhs=lambda v, n: 2 * e2(v) / (1 + e2(v)) - 1,
        rhs=lambda v, n: (2 * e2(v) - 1 - e2(v)) / (1 + e2(v)),
    ),
    Step(
        20,
        2,
        lhs=lambda v, n: (2 * e2(v) - 1 - e2(v)) / (1 + e2(v)),
        rhs=lambda v, n: (e2(v) - 1) / (e2(v) + 1),
    ),
    Step(20, 30, lhs=lambda v, n: (e2(v) - 1) / (e2(v) + 1), rhs=lambda v, n: mp.tanh(v.x)),
    Step(
        28,
        17,
        lhs=lambda v, n: dscalar(mp.tanh, v.x),
        rhs=lambda v, n: 4 * sigmoid(2 * v.x) * (1 - sigmoid(2 * v.x)),
    ),
    Step(
        28,
        76,
        lhs=lambda v, n: 4 * sigmoid(2 * v.x) * (1 - sigmoid(2 * v.x)),
        rhs=lambda v, n: 1 - mp.tanh(v.x) ** 2,
    ),
]
