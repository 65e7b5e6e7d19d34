import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# Lecture notes on the softmax Jacobian where each case is named by a remark AFTER its display:
# "This is the diagonal case, $i = j$. Otherwise the result is $-p_i p_j$." follows the first
# display (which holds only on the diagonal), and "In the off-diagonal case we get this." follows
# the second. Each display's steps are transcribed in the case its remark states. No planted
# slip: every step holds in its stated case.


def sample(rng, n):
    return Point(z=reals(rng, n))


def e(v, k):
    return mp.exp(v.z[k - 1])


def S(v):
    return mp.fsum(mp.exp(t) for t in v.z)


def p(v, i):
    return softmax(v.z)[i - 1]


def jac(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


IJ = ("i", "j")


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(3, 18, kind="definition"),
    Step(3, 47, kind="definition"),
    Step(
        3,
        117,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: mp.fsum(mp.exp(t) for t in z), v.z, j),
        rhs=lambda v, n, j: e(v, j),
    ),
    *chain(
        [(7, 37), (7, 79), (7, 143)],
        [
            lambda v, n, i, j: jac(v, i, j),
            lambda v, n, i, j: (e(v, i) * S(v) - e(v, i) * e(v, j)) / S(v) ** 2,
            lambda v, n, i, j: e(v, i) / S(v) - e(v, i) / S(v) * e(v, j) / S(v),
            lambda v, n, i, j: p(v, i) * (1 - p(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    Step(9, 31, kind="hypothesis", note="the case named after the display"),
    *chain(
        [(11, 37), (11, 79), (11, 110)],
        [
            lambda v, n, i, j: jac(v, i, j),
            lambda v, n, i, j: (0 * S(v) - e(v, i) * e(v, j)) / S(v) ** 2,
            lambda v, n, i, j: -e(v, i) * e(v, j) / S(v) ** 2,
            lambda v, n, i, j: -p(v, i) * p(v, j),
        ],
        indices=IJ,
        case="i != j",
    ),
    Step(
        15,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
    ),
    *chain(
        [(19, 52), (19, 93), (19, 107)],
        [
            lambda v, n, i: mp.fsum(jac(v, i, j) for j in range(1, n + 1)),
            lambda v, n, i: p(v, i) * mp.fsum(delta(i, j) - p(v, j) for j in range(1, n + 1)),
            lambda v, n, i: p(v, i) * (1 - 1),
            lambda v, n, i: mp.mpf(0),
        ],
        indices=("i",),
    ),
]
