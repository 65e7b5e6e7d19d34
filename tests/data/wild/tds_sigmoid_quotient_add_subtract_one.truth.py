import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

SIZES = (1,)


def sample(rng, n):
    # x: the point; c: a concrete pair u, v to judge the quotient rule as calculus
    return Point(x=mp.mpf(rng.uniform(-3, 3)), c=[mp.mpf(rng.uniform(-2, 2)) for _ in range(3)])


def u(c, x):
    return mp.exp(c[0] * x) + c[1]


def w(c, x):
    return 2 + mp.sin(c[2] * x) ** 2


def E(v):
    return mp.exp(-v.x)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def gp(v, n):
    return dscalar(sigmoid, v.x)


STEPS = [
    Step(7, 8, kind="definition"),
    Step(
        15,
        9,
        lhs=lambda v, n: dscalar(lambda t: u(v.c, t) / w(v.c, t), v.x),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: u(v.c, t), v.x) * w(v.c, v.x)
                - u(v.c, v.x) * dscalar(lambda t: w(v.c, t), v.x)
            )
            / w(v.c, v.x) ** 2
        ),
    ),
    *chain(
        [(19, 9), (19, 75)],
        [
            gp,
            lambda v, n: (0 * (1 + E(v)) - 1 * (-E(v))) / (1 + E(v)) ** 2,
            lambda v, n: E(v) / (1 + E(v)) ** 2,
        ],
    ),
    *chain(
        [(23, 33), (23, 73), (25, 3), (25, 53)],
        [
            lambda v, n: E(v) / (1 + E(v)) ** 2,
            lambda v, n: (1 + E(v) - 1) / (1 + E(v)) ** 2,
            lambda v, n: (1 + E(v)) / (1 + E(v)) ** 2 - 1 / (1 + E(v)) ** 2,
            lambda v, n: 1 / (1 + E(v)) - 1 / (1 + E(v)) ** 2,
            lambda v, n: 1 / (1 + E(v)) * (1 - 1 / (1 + E(v))),
        ],
    ),
    Step(29, 9, lhs=gp, rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x))),
    *chain(
        [(35, 17), (35, 80), (35, 117)],
        [
            gp,
            lambda v, n: -((1 + E(v)) ** -2) * dscalar(lambda t: 1 + mp.exp(-t), v.x),
            lambda v, n: -((1 + E(v)) ** -2) * (-E(v)),
            lambda v, n: E(v) * (1 + E(v)) ** -2,
        ],
    ),
]
