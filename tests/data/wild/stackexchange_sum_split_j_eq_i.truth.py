import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    # "y is the one-hot label vector"
    return Point(a=reals(rng, n), y=one_hot(rng, n))


def p(v, j):
    return softmax(v.a)[j - 1]


def dp(v, j, i):
    return d(lambda a: softmax(a)[j - 1], v.a, i)


def y(v, j):
    return v.y[j - 1]


def L(v, a):
    return -sum(v.y[j] * mp.log(softmax(a)[j]) for j in range(len(a)))


def js(n, skip=None):
    return [j for j in range(1, n + 1) if j != skip]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(5, 7, kind="definition"),
    Step(5, 52, kind="definition"),
    *chain(
        [(11, 31), (11, 88)],
        [
            lambda v, n, i: d(lambda a: L(v, a), v.a, i),
            lambda v, n, i: -sum(y(v, j) / p(v, j) * dp(v, j, i) for j in js(n)),
            lambda v, n, i: (
                -y(v, i) / p(v, i) * dp(v, i, i)
                - sum(y(v, j) / p(v, j) * dp(v, j, i) for j in js(n, i))
            ),
        ],
        indices=("i",),
    ),
    *chain(
        [(15, 31), (16, 3), (17, 3)],
        [
            lambda v, n, i: d(lambda a: L(v, a), v.a, i),
            lambda v, n, i: (
                -y(v, i) / p(v, i) * p(v, i) * (1 - p(v, i))
                + sum(y(v, j) / p(v, j) * p(v, j) * p(v, i) for j in js(n, i))
            ),
            lambda v, n, i: -y(v, i) + y(v, i) * p(v, i) + sum(y(v, j) * p(v, i) for j in js(n, i)),
            lambda v, n, i: -y(v, i) + p(v, i) * sum(y(v, j) for j in js(n)),
        ],
        indices=("i",),
    ),
    Step(21, 16, kind="hypothesis"),
    Step(
        25,
        31,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda a: L(v, a), v.a, i),
        rhs=lambda v, n, i: p(v, i) - y(v, i),
    ),
]
