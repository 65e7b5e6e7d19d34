import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a Vietnamese Q&A answer (đạo hàm: derivative) differentiating y = 1/(1 + e^{-x}) with y' and a
# prime on a bracket group; the identity 1/a = a^{-1} in a sentence. Planted: (1 + e^{-x}) + 1
# for (1 + e^{-x}) - 1 in the last step.


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)), a=mp.mpf(rng.uniform(0.2, 4)))


def yprime(v):
    return dscalar(sigmoid, v.x)


def u(v):
    return 1 + mp.e ** (-v.x)


STEPS = [
    Step(1, 42, kind="definition"),
    Step(3, 29, lhs=lambda v, n: 1 / v.a, rhs=lambda v, n: v.a**-1),
    Step(
        5,
        6,
        lhs=lambda v, n: yprime(v),
        rhs=lambda v, n: dscalar(lambda t: (1 + mp.e ** (-t)) ** -1, v.x),
    ),
    Step(9, 6, lhs=lambda v, n: yprime(v), rhs=lambda v, n: -(u(v) ** -2) * (-(mp.e ** (-v.x)))),
    Step(13, 6, lhs=lambda v, n: yprime(v), rhs=lambda v, n: mp.e ** (-v.x) / u(v) ** 2),
    Step(
        17,
        6,
        lhs=lambda v, n: yprime(v),
        rhs=lambda v, n: (1 / u(v)) * (u(v) + 1) / u(v),
        note="planted: + 1 for - 1",
    ),
]
