import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n))


def p(v, i):
    return softmax(v.a)[i - 1]


def dp(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def dlogp(v, i, j):
    return d(lambda a: mp.log(softmax(a)[i - 1]), v.a, j)


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    Step(5, 43, kind="definition"),
    Step(
        9,
        48,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(p(v, i)),
        rhs=lambda v, n, i: v.a[i - 1] - mp.log(Z(v)),
    ),
    *chain(
        [(13, 78), (13, 129)],
        [
            lambda v, n, i, j: dlogp(v, i, j),
            lambda v, n, i, j: delta(i, j) - mp.exp(v.a[j - 1]) / Z(v),
            lambda v, n, i, j: delta(i, j) - p(v, j),
        ],
        indices=IJ,
    ),
    *chain(
        [(17, 73), (17, 118)],
        [
            lambda v, n, i, j: dp(v, i, j),
            lambda v, n, i, j: p(v, i) * dlogp(v, i, j),
            lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
        ],
        indices=IJ,
    ),
    Step(
        21,
        73,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: -p(v, i) * p(v, j),
    ),
    Step(
        25,
        73,
        indices=("i",),
        lhs=lambda v, n, i: dp(v, i, i),
        rhs=lambda v, n, i: p(v, i) * (1 - p(v, i)),
    ),
    *chain(
        [(29, 71), (29, 113)],
        [
            lambda v, n, c, j: d(lambda a: -mp.log(softmax(a)[c - 1]), v.a, j),
            lambda v, n, c, j: -dlogp(v, c, j),
            lambda v, n, c, j: p(v, j) - delta(c, j),
        ],
        indices=("c", "j"),
    ),
]
