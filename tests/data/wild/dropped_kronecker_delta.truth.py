import mpmath as mp
from truth import Point, Step, d, dscalar, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n), u=mp.mpf(rng.uniform(-3, 3)))


def e(v, k):
    return mp.exp(v.a[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def S(v, i):
    return softmax(v.a)[i - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def sigma(u):
    return 1 / (1 + mp.exp(-u))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    Step(7, 7, kind="definition"),
    *chain(
        [(13, 11), (13, 120), (13, 142)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
            lambda v, n, i, j: S(v, i) - S(v, i) * S(v, j),
            lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    Step(
        17,
        11,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
        note="dropped Kronecker delta: claimed for every pair i, j",
    ),
    *chain(
        [(23, 14), (23, 42)],
        [
            lambda v, n: dscalar(sigma, v.u),
            lambda v, n: mp.exp(-v.u) / (1 + mp.exp(-v.u)) ** 2,
            lambda v, n: sigma(v.u) * (1 - sigma(v.u)),
        ],
    ),
    *chain(
        [(27, 42), (27, 98)],
        [
            lambda v, n, i: d(lambda a: mp.log(softmax(a)[i - 1]), v.a, i),
            lambda v, n, i: 1 / S(v, i) * dS(v, i, i),
            lambda v, n, i: 1 - S(v, i),
        ],
        indices=("i",),
    ),
]
