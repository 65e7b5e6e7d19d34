import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, softmax


def sample(rng, n):
    # a: the logits; x, c: a point and a concrete pair g, h to judge the quotient rule as calculus
    return Point(a=reals(rng, n), x=mp.mpf(rng.uniform(0.5, 2)), c=reals(rng, 3))


def E(v, k):
    return mp.exp(v.a[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def S(v, i):
    return softmax(v.a)[i - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def g(c, x):
    return mp.exp(c[0] * x) + c[1]


def h(c, x):
    return 2 + mp.sin(c[2] * x) ** 2


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    Step(7, 7, kind="definition"),
    Step(11, 11, kind="definition", note="D_j S_i names the partial derivative"),
    Step(
        11,
        47,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: d(lambda a: mp.exp(a[i - 1]) / sum(mp.exp(t) for t in a), v.a, j),
    ),
    Step(
        15,
        9,
        lhs=lambda v, n: dscalar(lambda t: g(v.c, t) / h(v.c, t), v.x),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: g(v.c, t), v.x) * h(v.c, v.x)
                - dscalar(lambda t: h(v.c, t), v.x) * g(v.c, v.x)
            )
            / h(v.c, v.x) ** 2
        ),
    ),
    Step(
        19,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: sum(mp.exp(t) for t in a), v.a, j),
        rhs=lambda v, n, i, j: E(v, j),
    ),
    *chain(
        [(25, 11), (25, 106), (25, 217)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (E(v, i) * Z(v) - E(v, j) * E(v, i)) / Z(v) ** 2,
            lambda v, n, i, j: E(v, i) / Z(v) * (Z(v) - E(v, j)) / Z(v),
            lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    *chain(
        [(29, 11), (29, 78), (29, 159)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (0 - E(v, j) * E(v, i)) / Z(v) ** 2,
            lambda v, n, i, j: -E(v, j) / Z(v) * E(v, i) / Z(v),
            lambda v, n, i, j: -S(v, j) * S(v, i),
        ],
        indices=IJ,
        case="i != j",
    ),
    Step(
        33,
        11,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (delta(i, j) - S(v, j)),
    ),
    Step(37, 37, lhs=lambda v, n: dS(v, 1, 2), rhs=lambda v, n: -S(v, 1) * S(v, 2)),
    Step(41, 37, lhs=lambda v, n: dS(v, 2, 2), rhs=lambda v, n: S(v, 2) * (1 - S(v, 2))),
]
