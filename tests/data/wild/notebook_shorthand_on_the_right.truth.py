import mpmath as mp
from truth import Point, Step

# a and b are shorthands (y_1 = a, e^{x_2} = b: named on the right); t is the variable, b > 0


def sample(rng, n):
    return Point(t=mp.mpf(rng.uniform(-2, 2)), b=mp.mpf(rng.uniform(0.2, 3)))


def f(v):
    return mp.exp(v.t) / (mp.exp(v.t) + v.b)


STEPS = [
    Step(6, 8, kind="definition"),
    Step(7, 11, kind="definition"),
    Step(12, 22, lhs=lambda v, n: v.b / (mp.exp(v.t) + v.b), rhs=lambda v, n: 1 - f(v)),
    Step(16, 30, lhs=lambda v, n: mp.log(f(v)), rhs=lambda v, n: v.t - mp.log(mp.exp(v.t) + v.b)),
    Step(
        20,
        30,
        lhs=lambda v, n: mp.log(f(v)),
        rhs=lambda v, n: v.t - v.t - mp.log(v.b),
        note="planted: the logarithm of a sum split as a sum of logarithms",
    ),
]
