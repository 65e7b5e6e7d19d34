import mpmath as mp
from truth import Point, Step, dscalar

# a Chinese note that writes every formula as a heading line (## $…$); planted: the sign of
# tanh^2 in the last heading


def sample(rng, n):
    return Point(t=mp.mpf(rng.uniform(-3, 3)))


def s(t):
    return 1 / (1 + mp.exp(-t))


STEPS = [
    Step(4, 6, kind="definition"),
    Step(
        6,
        18,
        lhs=lambda v, n: dscalar(s, v.t),
        rhs=lambda v, n: mp.exp(-v.t) / (1 + mp.exp(-v.t)) ** 2,
    ),
    Step(
        6,
        46,
        lhs=lambda v, n: mp.exp(-v.t) / (1 + mp.exp(-v.t)) ** 2,
        rhs=lambda v, n: s(v.t) * mp.exp(-v.t) / (1 + mp.exp(-v.t)),
    ),
    Step(
        6,
        93,
        lhs=lambda v, n: s(v.t) * mp.exp(-v.t) / (1 + mp.exp(-v.t)),
        rhs=lambda v, n: s(v.t) * (1 - s(v.t)),
    ),
    Step(9, 25, lhs=lambda v, n: dscalar(mp.tanh, v.t), rhs=lambda v, n: 1 - mp.tanh(v.t) ** 2),
    Step(
        11,
        25,
        lhs=lambda v, n: dscalar(mp.tanh, v.t),
        rhs=lambda v, n: 1 + mp.tanh(v.t) ** 2,
        note="planted: the sign of tanh^2",
    ),
]
