import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n))


def e(v, k):
    return mp.exp(v.a[k - 1])


def Sig(v):  # the document's shorthand for the partition sum
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


IJ = ("i", "j")

STEPS = [
    Step(6, 5, kind="definition"),
    *chain(
        [(14, 36), (15, 2), (16, 2)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (e(v, i) * Sig(v) - e(v, i) * e(v, j)) / Sig(v) ** 2,
            lambda v, n, i, j: e(v, i) / Sig(v) * (Sig(v) - e(v, j)) / Sig(v),
            lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    *chain(
        [(22, 36), (23, 2)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (0 - e(v, j) * e(v, i)) / Sig(v) ** 2,
            lambda v, n, i, j: -S(v, i) * S(v, j),
        ],
        indices=IJ,
        case="i != j",
    ),
]
