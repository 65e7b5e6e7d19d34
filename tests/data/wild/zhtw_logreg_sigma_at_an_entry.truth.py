import mpmath as mp
from truth import Point, Step, dscalar, sigmoid


def sample(rng, n):
    # z is a real score; z_i the score of one example i (every step is about one i)
    return Point(z=mp.mpf(rng.uniform(-4, 4)), zi=mp.mpf(rng.uniform(-4, 4)))


def e(t):
    return mp.exp(t)


def s(t):
    return sigmoid(t)


def log_term(t):
    return mp.log(1 + e(-t))


STEPS = [
    Step(6, 13, kind="definition"),
    Step(6, 19, kind="definition"),
    Step(
        13,
        22,
        lhs=lambda v, n: 1 / (1 + e(v.z)),
        rhs=lambda v, n: e(-v.z) / ((1 + e(-v.z)) * e(v.z) * e(-v.z)),
    ),
    Step(
        14,
        2,
        lhs=lambda v, n: e(-v.z) / ((1 + e(-v.z)) * e(v.z) * e(-v.z)),
        rhs=lambda v, n: e(-v.z) / (1 + e(-v.z)),
    ),
    Step(15, 2, lhs=lambda v, n: e(-v.z) / (1 + e(-v.z)), rhs=lambda v, n: 1 - 1 / (1 + e(-v.z))),
    Step(16, 2, lhs=lambda v, n: 1 - 1 / (1 + e(-v.z)), rhs=lambda v, n: 1 - s(v.z)),
    Step(
        24,
        34,
        lhs=lambda v, n: dscalar(log_term, v.zi),
        rhs=lambda v, n: -e(-v.zi) / (1 + e(-v.zi)),
    ),
    Step(25, 2, lhs=lambda v, n: -e(-v.zi) / (1 + e(-v.zi)), rhs=lambda v, n: -1 / (e(v.zi) + 1)),
    Step(26, 2, lhs=lambda v, n: -1 / (e(v.zi) + 1), rhs=lambda v, n: -(1 - s(v.zi))),
    Step(27, 2, lhs=lambda v, n: -(1 - s(v.zi)), rhs=lambda v, n: s(v.zi) - 1),
    Step(
        34, 27, lhs=lambda v, n: dscalar(s, v.zi), rhs=lambda v, n: e(-v.zi) / (1 + e(-v.zi)) ** 2
    ),
    Step(
        34,
        63,
        lhs=lambda v, n: e(-v.zi) / (1 + e(-v.zi)) ** 2,
        rhs=lambda v, n: s(v.zi) * (1 - s(v.zi)),
    ),
    Step(
        40,
        14,
        lhs=lambda v, n: s(-v.zi),
        rhs=lambda v, n: s(v.zi) - 1,
        note="planted: sigma(-z) = 1 - sigma(z), the sign slipped",
    ),
]
