import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n))


def e(v, k):
    return mp.exp(v.x[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.x)


def s(v, i):
    return softmax(v.x)[i - 1]


def ds(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def L(x, c):
    return -mp.log(softmax(x)[c - 1])


def dL(v, c, i):
    return d(lambda x: L(x, c), v.x, i)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def dL_ds(v, c, k):  # the loss as a function of the probabilities: -log(s_c)
    return d(lambda probs: -mp.log(probs[c - 1]), softmax(v.x), k)


STEPS = [
    Step(7, 5, kind="definition"),
    *chain(
        [(11, 5), (11, 38)],
        [
            lambda v, n, c: L(v.x, c),
            lambda v, n, c: -mp.log(e(v, c) / Z(v)),
            lambda v, n, c: -v.x[c - 1] + mp.log(Z(v)),
        ],
        indices=("c",),
    ),
    *chain(
        [(17, 29), (17, 61)],
        [
            lambda v, n, i, c: dL(v, c, i),
            lambda v, n, i, c: -1 + e(v, i) / Z(v),
            lambda v, n, i, c: s(v, i) - 1,
        ],
        indices=("i", "c"),
        case="i = c",
    ),
    *chain(
        [(21, 29), (21, 56)],
        [
            lambda v, n, i, c: dL(v, c, i),
            lambda v, n, i, c: e(v, i) / Z(v),
            lambda v, n, i, c: s(v, i),
        ],
        indices=("i", "c"),
        case="i != c",
    ),
    Step(
        25,
        31,
        indices=("i",),
        lhs=lambda v, n, i: ds(v, i, i),
        rhs=lambda v, n, i: s(v, i) * (1 - s(v, i)),
    ),
    Step(
        29,
        31,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: ds(v, i, j),
        rhs=lambda v, n, i, j: -s(v, i) * s(v, j),
    ),
    *chain(
        [(33, 29), (33, 98)],
        [
            lambda v, n, i, c: dL(v, c, i),
            lambda v, n, i, c: sum(dL_ds(v, c, k) * ds(v, k, i) for k in range(1, n + 1)),
            lambda v, n, i, c: -(1 / s(v, c)) * ds(v, c, i),
        ],
        indices=("i", "c"),
    ),
]
