import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

SIZES = (3,)  # "with N = 3 inputs"


def sample(rng, n):
    return Point(a=reals(rng, n))


def e(v, k):
    return mp.exp(v.a[k - 1])


def Sig(v):  # the document's shorthand for the denominator
    return sum(mp.exp(t) for t in v.a)


def S(v, i):
    return softmax(v.a)[i - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def ks(n):
    return range(1, n + 1)


STEPS = [
    Step(9, 10, kind="definition"),
    *chain(
        [(13, 40), (13, 58)],
        [
            lambda v, n: d(lambda a: mp.exp(a[0]) + mp.exp(a[1]) + mp.exp(a[2]), v.a, 2),
            lambda v, n: 0 + e(v, 2) + 0,
            lambda v, n: e(v, 2),
        ],
    ),
    *chain(
        [(17, 56), (17, 111), (17, 148)],
        [
            lambda v, n, j: d(lambda a: sum(mp.exp(t) for t in a), v.a, j),
            lambda v, n, j: sum(d(lambda a, k=k: mp.exp(a[k - 1]), v.a, j) for k in ks(n)),
            lambda v, n, j: sum(delta(k, j) * e(v, k) for k in ks(n)),
            lambda v, n, j: e(v, j),
        ],
        indices=("j",),
    ),
    *chain(
        [(21, 37), (21, 89), (21, 144)],
        [
            lambda v, n: dS(v, 1, 2),
            lambda v, n: (0 * Sig(v) - e(v, 1) * e(v, 2)) / Sig(v) ** 2,
            lambda v, n: -(e(v, 1) / Sig(v)) * (e(v, 2) / Sig(v)),
            lambda v, n: -S(v, 1) * S(v, 2),
        ],
    ),
    *chain(
        [(25, 37), (25, 89)],
        [
            lambda v, n: dS(v, 2, 2),
            lambda v, n: (e(v, 2) * Sig(v) - e(v, 2) * e(v, 2)) / Sig(v) ** 2,
            lambda v, n: S(v, 2) * (1 - S(v, 2)),
        ],
    ),
]
