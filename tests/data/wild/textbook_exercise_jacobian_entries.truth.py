import mpmath as mp
from truth import Point, Step, d, reals, softmax

SIZES = (3,)  # o = (o_1, o_2, o_3)


def sample(rng, n):
    return Point(o=reals(rng, n))


def ex(v, k):
    return mp.exp(v.o[k - 1])


def S(v):  # the document's shorthand for the denominator
    return ex(v, 1) + ex(v, 2) + ex(v, 3)


def p(v, k):
    return softmax(v.o)[k - 1]


def dp(v, k, j):
    return d(lambda o: softmax(o)[k - 1], v.o, j)


def C(o):
    return -mp.log(softmax(o)[1])


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(8, 5, kind="definition"),
    *chain(
        [(12, 38), (12, 80)],
        [
            lambda v, n: dp(v, 1, 1),
            lambda v, n: (ex(v, 1) * S(v) - ex(v, 1) * ex(v, 1)) / S(v) ** 2,
            lambda v, n: p(v, 1) - p(v, 1) ** 2,
        ],
    ),
    *chain(
        [(13, 38), (13, 80)],
        [
            lambda v, n: dp(v, 1, 2),
            lambda v, n: (0 * S(v) - ex(v, 1) * ex(v, 2)) / S(v) ** 2,
            lambda v, n: -p(v, 1) * p(v, 2),
        ],
    ),
    *chain(
        [(14, 38), (14, 69)],
        [
            lambda v, n: dp(v, 1, 3),
            lambda v, n: -ex(v, 1) * ex(v, 3) / S(v) ** 2,
            lambda v, n: -p(v, 1) * p(v, 3),
        ],
    ),
    *chain(
        [(19, 3), (19, 32), (19, 44)],
        [
            lambda v, n: dp(v, 1, 1) + dp(v, 1, 2) + dp(v, 1, 3),
            lambda v, n: p(v, 1) - p(v, 1) * (p(v, 1) + p(v, 2) + p(v, 3)),
            lambda v, n: p(v, 1) - p(v, 1),
            lambda v, n: mp.mpf(0),
        ],
    ),
    *chain(
        [(23, 36), (23, 86), (23, 113)],
        [
            lambda v, n: d(C, v.o, 1),
            lambda v, n: -1 / p(v, 2) * dp(v, 2, 1),
            lambda v, n: -1 / p(v, 2) * (-p(v, 2) * p(v, 1)),
            lambda v, n: p(v, 1),
        ],
    ),
    *chain(
        [(24, 36), (24, 69)],
        [
            lambda v, n: d(C, v.o, 2),
            lambda v, n: -1 / p(v, 2) * p(v, 2) * (1 - p(v, 2)),
            lambda v, n: p(v, 2) - 1,
        ],
    ),
]
