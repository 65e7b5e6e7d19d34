import mpmath as mp
from truth import Point, Step, d, dscalar, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n), t=mp.mpf(rng.uniform(0.5, 2)), c=reals(rng, 3))


def E(v, k):
    return mp.exp(v.x[k - 1])


def Z(v):
    return sum(mp.exp(u) for u in v.x)


def S(v, i):
    return softmax(v.x)[i - 1]


def dS(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def g(c, t):
    return mp.exp(c[0] * t) + c[1]


def h(c, t):
    return 2 + mp.sin(c[2] * t) ** 2


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    Step(9, 7, kind="definition"),
    Step(
        15,
        33,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: d(lambda x: mp.exp(x[i - 1]) / sum(mp.exp(u) for u in x), v.x, j),
    ),
    Step(
        19,
        9,
        lhs=lambda v, n: dscalar(lambda t: g(v.c, t) / h(v.c, t), v.t),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: g(v.c, t), v.t) * h(v.c, v.t)
                - dscalar(lambda t: h(v.c, t), v.t) * g(v.c, v.t)
            )
            / h(v.c, v.t) ** 2
        ),
    ),
    *chain(
        [(23, 33), (23, 99)],
        [
            lambda v, n, i, j: d(lambda x: sum(mp.exp(u) for u in x), v.x, j),
            # the sum written out term by term: the same function, differentiated again
            lambda v, n, i, j: d(lambda x: sum(mp.exp(x[k]) for k in range(n)), v.x, j),
            lambda v, n, i, j: E(v, j),
        ],
        indices=IJ,
    ),
    *chain(
        [(30, 32), (31, 2), (32, 2), (33, 2)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (E(v, i) * Z(v) - E(v, j) * E(v, i)) / Z(v) ** 2,
            lambda v, n, i, j: E(v, i) / Z(v) - E(v, j) / Z(v) * E(v, i) / Z(v),
            lambda v, n, i, j: S(v, i) - S(v, j) * S(v, i),
            lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    *chain(
        [(39, 32), (40, 2), (41, 2)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (0 - E(v, j) * E(v, i)) / Z(v) ** 2,
            lambda v, n, i, j: -E(v, j) / Z(v) * E(v, i) / Z(v),
            lambda v, n, i, j: -S(v, j) * S(v, i),
        ],
        indices=IJ,
        case="i != j",
    ),
]
