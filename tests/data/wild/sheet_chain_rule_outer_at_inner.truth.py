import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a solution sheet: sigma = f(g(x)) with f(u) = u^{-1}, g(x) = 1 + e^{-x} defined in a list;
# the chain rule f'(g(x)) g'(x); planted in part (b): the inner derivative g'(x) written g(x)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def e(t):
    return mp.exp(t)


def dsigma(v, n):
    return dscalar(sigmoid, v.x)


def g(x):
    return 1 + e(-x)


def k_prime(v):
    return -(v**-2)


STEPS = [
    Step(11, 22, lhs=dsigma, rhs=lambda v, n: -(g(v.x) ** -2) * (-e(-v.x))),
    Step(13, 22, lhs=dsigma, rhs=lambda v, n: -1 / (1 + e(-v.x)) ** 2 * (-e(-v.x))),
    Step(15, 22, lhs=dsigma, rhs=lambda v, n: e(-v.x) / (1 + e(-v.x)) ** 2),
    Step(
        20,
        17,
        lhs=lambda v, n: dscalar(lambda t: sigmoid(t) - mp.mpf(1) / 2, v.x),
        rhs=lambda v, n: k_prime(g(v.x)) * (-e(-v.x)),
    ),
    Step(
        22,
        17,
        lhs=lambda v, n: dscalar(lambda t: sigmoid(t) - mp.mpf(1) / 2, v.x),
        rhs=lambda v, n: k_prime(g(v.x)) * g(v.x),
        note="planted: the inner derivative g'(x) written g(x)",
    ),
]
