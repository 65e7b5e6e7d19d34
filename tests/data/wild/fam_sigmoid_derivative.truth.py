import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, sigmoid


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-4, 4)), zs=reals(rng, n), g=reals(rng, n))


def s(t):
    return sigmoid(t)


def ds(t):
    """σ'(t): the derivative of the definition."""
    return dscalar(sigmoid, t)


def d2s(t):
    return dscalar(ds, t)


def layer(zs):
    return [sigmoid(t) for t in zs]


def jac(v, i, j):
    return d(lambda zs: layer(zs)[i - 1], v.zs, j)


def e(t):
    return mp.exp(t)


STEPS = [
    Step(5, 13, kind="definition"),
    Step(
        14,
        24,
        lhs=lambda v, n: ds(v.z),
        rhs=lambda v, n: dscalar(lambda t: (1 + e(-t)) ** -1, v.z),
    ),
    Step(
        15,
        2,
        lhs=lambda v, n: dscalar(lambda t: (1 + e(-t)) ** -1, v.z),
        rhs=lambda v, n: -((1 + e(-v.z)) ** -2) * (-e(-v.z)),
    ),
    Step(
        16,
        2,
        lhs=lambda v, n: -((1 + e(-v.z)) ** -2) * (-e(-v.z)),
        rhs=lambda v, n: e(-v.z) / (1 + e(-v.z)) ** 2,
    ),
    Step(
        17,
        2,
        lhs=lambda v, n: e(-v.z) / (1 + e(-v.z)) ** 2,
        rhs=lambda v, n: 1 / (1 + e(-v.z)) * (((1 + e(-v.z)) - 1) / (1 + e(-v.z))),
    ),
    Step(
        18,
        2,
        lhs=lambda v, n: 1 / (1 + e(-v.z)) * (((1 + e(-v.z)) - 1) / (1 + e(-v.z))),
        rhs=lambda v, n: s(v.z) * (1 - s(v.z)),
    ),
    Step(30, 14, lhs=lambda v, n: s(-v.z), rhs=lambda v, n: 1 / (1 + e(v.z))),
    Step(30, 36, lhs=lambda v, n: 1 / (1 + e(v.z)), rhs=lambda v, n: e(-v.z) / (e(-v.z) + 1)),
    Step(
        30,
        64,
        lhs=lambda v, n: e(-v.z) / (e(-v.z) + 1),
        rhs=lambda v, n: 1 - 1 / (1 + e(-v.z)),
    ),
    Step(30, 91, lhs=lambda v, n: 1 - 1 / (1 + e(-v.z)), rhs=lambda v, n: 1 - s(v.z)),
    Step(34, 14, lhs=lambda v, n: ds(v.z), rhs=lambda v, n: s(v.z) * s(-v.z)),
    Step(
        41,
        29,
        lhs=lambda v, n: dscalar(lambda t: mp.log(sigmoid(t)), v.z),
        rhs=lambda v, n: ds(v.z) / s(v.z),
    ),
    Step(41, 60, lhs=lambda v, n: ds(v.z) / s(v.z), rhs=lambda v, n: 1 - s(v.z)),
    Step(41, 76, lhs=lambda v, n: 1 - s(v.z), rhs=lambda v, n: s(-v.z)),
    Step(
        47,
        15,
        lhs=lambda v, n: d2s(v.z),
        rhs=lambda v, n: ds(v.z) * (1 - s(v.z)) - s(v.z) * ds(v.z),
    ),
    Step(
        47,
        78,
        lhs=lambda v, n: ds(v.z) * (1 - s(v.z)) - s(v.z) * ds(v.z),
        rhs=lambda v, n: s(v.z) * (1 - s(v.z)) * (1 - 2 * s(v.z)),
    ),
    Step(
        54,
        51,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * layer(v.zs)[i - 1] * (1 - layer(v.zs)[i - 1]),
    ),
    Step(
        58,
        80,
        indices=("i",),
        lhs=lambda v, n, i: sum(jac(v, j, i) * v.g[j - 1] for j in range(1, n + 1)),
        rhs=lambda v, n, i: v.g[i - 1] * layer(v.zs)[i - 1] * (1 - layer(v.zs)[i - 1]),
    ),
]
