import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# Lecture scribe notes on the softmax Jacobian with the index cases said in words only: "On the
# diagonal," (i = j) before the first display, "In the second case (the two indices differ),"
# (i != j) before the second, and "When the indices coincide," (i = j) before an inline
# equality. Each of those steps is transcribed in its stated case (the first display's quotient
# holds only on the diagonal). The log-softmax display and the gradient of -log y_c hold for every
# index. No planted slip.


def sample(rng, n):
    return Point(a=reals(rng, n))


def e(v, k):
    return mp.exp(v.a[k - 1])


def Z(v):
    return mp.fsum(mp.exp(t) for t in v.a)


def y(v, i):
    return softmax(v.a)[i - 1]


def jac(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def dlog(v, i, j):
    return d(lambda a: mp.log(softmax(a)[i - 1]), v.a, j)


IJ = ("i", "j")


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(5, 58, kind="definition"),
    Step(5, 115, kind="definition"),
    Step(
        5,
        185,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda a: mp.fsum(mp.exp(t) for t in a), v.a, j),
        rhs=lambda v, n, j: e(v, j),
    ),
    # "On the diagonal,"
    *chain(
        [(11, 37), (11, 79), (11, 95)],
        [
            lambda v, n, i, j: jac(v, i, j),
            lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
            lambda v, n, i, j: y(v, i) - y(v, i) * y(v, j),
            lambda v, n, i, j: y(v, i) * (1 - y(v, i)),
        ],
        indices=IJ,
        case="i = j",
    ),
    # "In the second case (the two indices differ),"
    *chain(
        [(15, 37), (15, 71)],
        [
            lambda v, n, i, j: jac(v, i, j),
            lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / Z(v) ** 2,
            lambda v, n, i, j: -y(v, i) * y(v, j),
        ],
        indices=IJ,
        case="i != j",
    ),
    Step(
        17,
        108,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(y(v, i)),
        rhs=lambda v, n, i: v.a[i - 1] - mp.log(Z(v)),
    ),
    *chain(
        [(19, 42), (19, 76)],
        [
            lambda v, n, i, j: dlog(v, i, j),
            lambda v, n, i, j: delta(i, j) - e(v, j) / Z(v),
            lambda v, n, i, j: delta(i, j) - y(v, j),
        ],
        indices=IJ,
    ),
    # "When the indices coincide,"
    Step(
        21,
        68,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dlog(v, i, j),
        rhs=lambda v, n, i, j: 1 - y(v, i),
    ),
    Step(21, 132, kind="definition"),
    Step(
        23,
        38,
        indices=("c", "j"),
        lhs=lambda v, n, c, j: d(lambda a: -mp.log(softmax(a)[c - 1]), v.a, j),
        rhs=lambda v, n, c, j: y(v, j) - delta(c, j),
    ),
]
