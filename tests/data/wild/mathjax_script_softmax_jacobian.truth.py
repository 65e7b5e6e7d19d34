import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n), c=mp.mpf(rng.uniform(-3, 3)))


def E(v, k):
    return mp.exp(v.x[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.x)


def s(v, i):
    return softmax(v.x)[i - 1]


def ds(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def rng1(n, skip=None):
    return [k for k in range(1, n + 1) if k != skip]


STEPS = [
    Step(10, 5, kind="definition"),
    *chain(
        [(16, 20), (16, 76)],
        [
            lambda v, n: sum(s(v, i) for i in rng1(n)),
            lambda v, n: sum(E(v, i) for i in rng1(n)) / Z(v),
            lambda v, n: mp.mpf(1),
        ],
    ),
    *chain(
        [(25, 49), (26, 2), (27, 2)],
        [
            lambda v, n, i: mp.exp(v.x[i - 1] + v.c) / sum(mp.exp(t + v.c) for t in v.x),
            lambda v, n, i: E(v, i) * mp.exp(v.c) / sum(mp.exp(t) * mp.exp(v.c) for t in v.x),
            lambda v, n, i: mp.exp(v.c) * E(v, i) / (mp.exp(v.c) * Z(v)),
            lambda v, n, i: s(v, i),
        ],
        indices=("i",),
    ),
    *chain(
        [(38, 36), (39, 2)],
        [
            lambda v, n, i: ds(v, i, i),
            lambda v, n, i: (E(v, i) * Z(v) - E(v, i) * E(v, i)) / Z(v) ** 2,
            lambda v, n, i: s(v, i) - s(v, i) ** 2,
        ],
        indices=("i",),
    ),
    *chain(
        [(45, 36), (46, 2)],
        [
            lambda v, n, i, j: ds(v, i, j),
            lambda v, n, i, j: -E(v, i) * E(v, j) / Z(v) ** 2,
            lambda v, n, i, j: -s(v, i) * s(v, j),
        ],
        indices=("i", "j"),
        case="i != j",
    ),
    *chain(
        [(55, 51), (56, 2), (57, 2)],
        [
            lambda v, n, i: sum(ds(v, i, j) for j in rng1(n)),
            lambda v, n, i: s(v, i) - s(v, i) ** 2 - sum(s(v, i) * s(v, j) for j in rng1(n, i)),
            lambda v, n, i: s(v, i) - s(v, i) * sum(s(v, j) for j in rng1(n)),
            lambda v, n, i: mp.mpf(0),
        ],
        indices=("i",),
    ),
]
