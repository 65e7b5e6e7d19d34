import mpmath as mp
from truth import Point, Step, dscalar

# a forum reply: tanh' by the quotient rule on u = e^x, v = e^{-x}, written with the primed
# letters; planted: the quotient rule's minus written as a plus (line 17)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def u(v):
    return mp.exp(v.x)


def w(v):  # the document's v = e^{-x}
    return mp.exp(-v.x)


def du(v):
    return dscalar(mp.exp, v.x)


def dw(v):
    return dscalar(lambda t: mp.exp(-t), v.x)


def dy(v):
    return dscalar(mp.tanh, v.x)


def line23(v):
    return ((u(v) + w(v)) * (u(v) + w(v)) - (u(v) - w(v)) * (u(v) - w(v))) / (u(v) + w(v)) ** 2


def line25(v):
    return 1 - (u(v) - w(v)) ** 2 / (u(v) + w(v)) ** 2


STEPS = [
    Step(5, 5, kind="definition"),
    Step(5, 21, kind="definition"),
    Step(9, 5, kind="definition"),
    Step(9, 16, lhs=lambda v, n: mp.tanh(v.x), rhs=lambda v, n: (u(v) - w(v)) / (u(v) + w(v))),
    Step(13, 6, lhs=lambda v, n: du(v), rhs=lambda v, n: mp.exp(v.x)),
    Step(13, 23, lhs=lambda v, n: dw(v), rhs=lambda v, n: -mp.exp(-v.x)),
    Step(
        17,
        6,
        lhs=lambda v, n: dy(v),
        rhs=lambda v, n: (
            ((du(v) - dw(v)) * (u(v) + w(v)) + (u(v) - w(v)) * (du(v) + dw(v))) / (u(v) + w(v)) ** 2
        ),
        note="planted: the quotient rule with a plus between its two products",
    ),
    Step(20, 10, lhs=lambda v, n: du(v) - dw(v), rhs=lambda v, n: mp.exp(v.x) + mp.exp(-v.x)),
    Step(20, 25, lhs=lambda v, n: mp.exp(v.x) + mp.exp(-v.x), rhs=lambda v, n: u(v) + w(v)),
    Step(20, 47, lhs=lambda v, n: du(v) + dw(v), rhs=lambda v, n: mp.exp(v.x) - mp.exp(-v.x)),
    Step(20, 62, lhs=lambda v, n: mp.exp(v.x) - mp.exp(-v.x), rhs=lambda v, n: u(v) - w(v)),
    Step(23, 6, lhs=lambda v, n: dy(v), rhs=lambda v, n: line23(v)),
    Step(25, 3, lhs=lambda v, n: line23(v), rhs=lambda v, n: line25(v)),
    Step(27, 3, lhs=lambda v, n: line25(v), rhs=lambda v, n: 1 - mp.tanh(v.x) ** 2),
    Step(30, 75, lhs=lambda v, n: 4 * u(v) * w(v), rhs=lambda v, n: 4),
    Step(31, 5, lhs=lambda v, n: dy(v), rhs=lambda v, n: 4 / (mp.exp(v.x) + mp.exp(-v.x)) ** 2),
]
