import mpmath as mp
from truth import Point, Step, d, reals, softmax

# sigma names the partition sum (not the logistic function); m is the correct class


def sample(rng, n):
    return Point(f=reals(rng, n))


def Z(v):
    return sum(mp.exp(t) for t in v.f)


def e(v, k):
    return mp.exp(v.f[k - 1])


def p(v, k):
    return softmax(v.f)[k - 1]


def dp(v, k, m):
    return d(lambda f: softmax(f)[k - 1], v.f, m)


KM = ("k", "m")

STEPS = [
    Step(6, 7, kind="definition"),
    Step(10, 10, kind="definition"),
    Step(
        14,
        37,
        indices=KM,
        case="k = m",
        lhs=lambda v, n, k, m: dp(v, k, m),
        rhs=lambda v, n, k, m: (e(v, k) * Z(v) - mp.exp(2 * v.f[k - 1])) / Z(v) ** 2,
    ),
    Step(
        14,
        81,
        indices=("k",),
        lhs=lambda v, n, k: (e(v, k) * Z(v) - mp.exp(2 * v.f[k - 1])) / Z(v) ** 2,
        rhs=lambda v, n, k: p(v, k) * (1 - p(v, k)),
    ),
    Step(
        18,
        37,
        indices=KM,
        case="k != m",
        lhs=lambda v, n, k, m: dp(v, k, m),
        rhs=lambda v, n, k, m: -e(v, k) * e(v, m) / Z(v) ** 2,
    ),
    Step(
        18,
        72,
        indices=KM,
        case="k != m",
        lhs=lambda v, n, k, m: -e(v, k) * e(v, m) / Z(v) ** 2,
        rhs=lambda v, n, k, m: p(v, k) * p(v, m),
        note="planted: the minus sign is lost",
    ),
]
