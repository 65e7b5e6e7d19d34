import mpmath as mp
from truth import Point, Step

# a Hexo post in Traditional Chinese: the BCE of one sample expanded in an align*, reasons in
# rows led by \because beside the chain; planted: the sign of the last term flipped


def sample(rng, n):
    return Point(s=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.uniform(0, 1)))


def q(v):
    return 1 / (1 + mp.exp(-v.s))


def lse(v):
    return mp.log(1 + mp.exp(-v.s))


def bce(v):
    return -(v.y * mp.log(q(v)) + (1 - v.y) * mp.log(1 - q(v)))


def step3(v):
    return -(v.y * mp.log(q(v)) + (1 - v.y) * mp.log(mp.exp(-v.s) / (1 + mp.exp(-v.s))))


def step5(v):
    return -(v.y * (mp.log(1) - lse(v)) + (1 - v.y) * (mp.log(mp.exp(-v.s)) - lse(v)))


def step7(v):
    return -(-v.y * lse(v) + (1 - v.y) * (-v.s - lse(v)))


def step8(v):
    return lse(v) + (1 - v.y) * v.s


STEPS = [
    Step(7, 7, kind="definition"),
    Step(8, 13, kind="definition"),
    Step(9, 2, lhs=lambda v, n: bce(v), rhs=lambda v, n: step3(v)),
    Step(
        10,
        28,
        lhs=lambda v, n: mp.log(v.s**2 + 1) - mp.log(2),
        rhs=lambda v, n: mp.log(v.s**2 + 1) - mp.log(2),
        note="the quotient rule of logarithms for positive A, B (a reason, not a step of ℓ)",
    ),
    Step(11, 2, lhs=lambda v, n: step3(v), rhs=lambda v, n: step5(v)),
    Step(12, 23, lhs=lambda v, n: mp.log(mp.exp(-v.s)), rhs=lambda v, n: -v.s),
    Step(13, 2, lhs=lambda v, n: step5(v), rhs=lambda v, n: step7(v)),
    Step(14, 2, lhs=lambda v, n: step7(v), rhs=lambda v, n: step8(v)),
    Step(
        15,
        2,
        lhs=lambda v, n: step8(v),
        rhs=lambda v, n: lse(v) - (1 - v.y) * v.s,
        note="planted: the sign of (1 - y)s flipped",
    ),
]
