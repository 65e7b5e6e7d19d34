import mpmath as mp
from truth import Point, Step, d, dscalar, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n), x=mp.mpf(rng.uniform(0.5, 2)), c=reals(rng, 3))


def e(v, k):
    return mp.exp(v.a[k - 1])


def Sig(v):  # the document's shorthand for the partition sum
    return sum(mp.exp(t) for t in v.a)


def S(v, i):
    return softmax(v.a)[i - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def g(c, x):  # the quotient rule holds for every g and h: one sample of each
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
    Step(5, 7, kind="definition"),
    Step(
        9,
        9,
        lhs=lambda v, n: dscalar(lambda t: g(v.c, t) / h(v.c, t), v.x),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: g(v.c, t), v.x) * h(v.c, v.x)
                + dscalar(lambda t: h(v.c, t), v.x) * g(v.c, v.x)
            )
            / h(v.c, v.x) ** 2
        ),
        note="quotient rule with a plus sign",
    ),
    *chain(
        [(13, 37), (13, 87), (13, 143)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (e(v, i) * Sig(v) - e(v, j) * e(v, i)) / Sig(v) ** 2,
            lambda v, n, i, j: e(v, i) / Sig(v) * (Sig(v) - e(v, j)) / Sig(v),
            lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    *chain(
        [(17, 37), (17, 73), (17, 121)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (0 - e(v, j) * e(v, i)) / Sig(v) ** 2,
            lambda v, n, i, j: -e(v, j) / Sig(v) * e(v, i) / Sig(v),
            lambda v, n, i, j: -S(v, j) * S(v, i),
        ],
        indices=IJ,
        case="i != j",
    ),
]
