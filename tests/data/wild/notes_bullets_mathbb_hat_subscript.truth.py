import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    return Point(t=reals(rng, n), y=one_hot(rng, n))  # the label is stated one-hot


def et(v, k):
    return mp.exp(v.t[k - 1])


def Sig(v):  # the document's \sum_K
    return sum(mp.exp(x) for x in v.t)


def yh(v, i):
    return softmax(v.t)[i - 1]


def dyh(v, i, j):
    return d(lambda t: softmax(t)[i - 1], v.t, j)


def J(t, y):
    return -sum(yk * mp.log(pk) for yk, pk in zip(y, softmax(t)))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    *chain(
        [(15, 46), (15, 119)],
        [
            lambda v, n, i: dyh(v, i, i),
            lambda v, n, i: (et(v, i) * Sig(v) - et(v, i) * et(v, i)) / Sig(v) ** 2,
            lambda v, n, i: yh(v, i) * (1 - yh(v, i)),
        ],
        indices=("i",),
    ),
    *chain(
        [(21, 46), (21, 100)],
        [
            lambda v, n, i, j: dyh(v, i, j),
            lambda v, n, i, j: (0 - et(v, i) * et(v, j)) / Sig(v) ** 2,
            lambda v, n, i, j: -yh(v, i) * yh(v, j),
        ],
        indices=IJ,
        case="i != j",
    ),
    *chain(
        [(27, 38), (27, 121), (27, 176), (27, 210)],
        [
            lambda v, n, i: d(lambda t: J(t, v.y), v.t, i),
            lambda v, n, i: -sum(v.y[j - 1] / yh(v, j) * dyh(v, j, i) for j in range(1, n + 1)),
            lambda v, n, i: (
                -v.y[i - 1] * (1 - yh(v, i))
                + sum(v.y[j - 1] * yh(v, i) for j in range(1, n + 1) if j != i)
            ),
            lambda v, n, i: yh(v, i) * sum(v.y) - v.y[i - 1],
            lambda v, n, i: yh(v, i) - v.y[i - 1],
        ],
        indices=("i",),
    ),
]
