import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a blog post on sigmoid + squared error: "For a target $t = 1$:" puts the list items after it
# at t = 1; planted: the last item loses the minus sign


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), t=mp.mpf(rng.uniform(-2, 2)))


def dE(v, t):
    return dscalar(lambda z: (sigmoid(z) - t) ** 2 / 2, v.z)


def a(v):
    return sigmoid(v.z)


SIZES = (1,)

STEPS = [
    Step(7, 31, lhs=lambda v, n: dE(v, v.t), rhs=lambda v, n: (a(v) - v.t) * a(v) * (1 - a(v))),
    Step(12, 43, lhs=lambda v, n: dE(v, 1), rhs=lambda v, n: (a(v) - 1) * a(v) * (1 - a(v))),
    Step(13, 43, lhs=lambda v, n: dE(v, 1), rhs=lambda v, n: -a(v) * (1 - a(v)) ** 2),
    Step(
        14,
        50,
        lhs=lambda v, n: dE(v, 1),
        rhs=lambda v, n: a(v) * (1 - a(v)) ** 2,
        note="planted: the minus sign dropped",
    ),
    Step(
        20,
        72,
        lhs=lambda v, n: dscalar(
            lambda z: -v.t * mp.log(sigmoid(z)) - (1 - v.t) * mp.log(1 - sigmoid(z)), v.z
        ),
        rhs=lambda v, n: a(v) - v.t,
    ),
]
