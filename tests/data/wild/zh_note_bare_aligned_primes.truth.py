import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# One real x. Sigmoid(x) = f(x) = 1/(1+e^{-x}) names the function twice; the primes are
# derivatives by x (a prime on a group, ((1 + e^{-x})^{-1})', and a typographic prime f’(x)).
# Planted: the last step writes f(x)(1 + f(x)) for f(x)(1 - f(x)).

SIZES = (1,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def E(v):
    return mp.exp(-v.x)


def df(v, n):
    return dscalar(sigmoid, v.x)


def chain(points, exprs, notes=None):
    notes = notes or {}
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], note=notes.get(line, ""))
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(6, 12, kind="definition"),
    Step(6, 19, kind="definition"),
    *chain(
        [(12, 8), (13, 2), (14, 2), (15, 2), (16, 2)],
        [
            df,
            lambda v, n: dscalar(lambda t: (1 + mp.exp(-t)) ** -1, v.x),
            # (1 + e^{-x})' = e^{-x}·(-1)
            lambda v, n: -((1 + E(v)) ** -2) * (-E(v)),
            lambda v, n: -((1 + E(v)) ** -2) * E(v) * (-1),  # (-x)' = -1
            lambda v, n: (1 + E(v)) ** -2 * E(v),
            lambda v, n: E(v) / (1 + E(v)) ** 2,
        ],
    ),
    *chain(
        [(22, 8), (23, 2), (24, 2)],
        [
            df,
            lambda v, n: 1 / (1 + E(v)) * E(v) / (1 + E(v)),
            lambda v, n: 1 / (1 + E(v)) * (1 - 1 / (1 + E(v))),
            lambda v, n: sigmoid(v.x) * (1 + sigmoid(v.x)),
        ],
        notes={24: "planted: 1 + f(x) for 1 - f(x)"},
    ),
]
