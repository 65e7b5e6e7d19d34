import mpmath as mp
from truth import Point, Step, dscalar

# a Japanese note: the derivative of the sigmoid with a slope a, one display whose rows end with
# "= \\"; planted: the chain rule's factor a dropped (line 16), carried on to a result without a


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)), a=mp.mpf(rng.uniform(0.3, 3)))


def sig(a, x):
    return 1 / (1 + mp.exp(-a * x))


def E(v):
    return mp.exp(-v.a * v.x)


ROWS = [
    lambda v: dscalar(lambda t: sig(v.a, t), v.x),  # line 13
    lambda v: dscalar(lambda t: (1 + mp.exp(-v.a * t)) ** -1, v.x),  # line 14
    lambda v: -((1 + E(v)) ** -2) * dscalar(lambda t: 1 + mp.exp(-v.a * t), v.x),  # line 15
    lambda v: -((1 + E(v)) ** -2) * (-E(v)),  # line 16: the factor a dropped
    lambda v: E(v) / (1 + E(v)) ** 2,  # line 17
    lambda v: 1 / (1 + E(v)) * (E(v) / (1 + E(v))),  # line 18
    lambda v: 1 / (1 + E(v)) * (1 - 1 / (1 + E(v))),  # line 19
    lambda v: sig(v.a, v.x) * (1 - sig(v.a, v.x)),  # line 20
]
RELATIONS = [(13, 23), (14, 42), (15, 66), (16, 53), (17, 44), (18, 54), (19, 57)]


def row_step(k):
    line, col = RELATIONS[k]
    note = "planted: d/dx(1 + e^{-ax}) written -e^{-ax}, the factor a dropped" if k == 2 else ""
    return Step(line, col, lhs=lambda v, n: ROWS[k](v), rhs=lambda v, n: ROWS[k + 1](v), note=note)


STEPS = [
    Step(5, 13, kind="definition"),
    Step(9, 8, kind="definition"),
    Step(9, 35, lhs=lambda v, n: sig(v.a, v.x), rhs=lambda v, n: (1 + E(v)) ** -1),
    *(row_step(k) for k in range(len(RELATIONS))),
    Step(
        23,
        38,
        lhs=lambda v, n: E(v) / (1 + E(v)),
        rhs=lambda v, n: 1 - 1 / (1 + E(v)),
    ),
    Step(
        26,
        31,
        lhs=lambda v, n: dscalar(lambda t: sig(1, t), v.x),
        rhs=lambda v, n: sig(1, v.x) * (1 - sig(1, v.x)),
        note="at a = 1, as the sentence says",
    ),
]
