import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    # part (b): "labels that sum to one"
    return Point(z=reals(rng, n), y=distribution(rng, n))


def ex(v, k):
    return mp.exp(v.z[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def p(v, i):
    return softmax(v.z)[i - 1]


def dp(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def y(v, k):
    return v.y[k - 1]


def L(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(8, 7, kind="definition"),
    *chain(
        [(13, 34), (14, 4)],
        [
            lambda v, n, i: dp(v, i, i),
            lambda v, n, i: (ex(v, i) * Z(v) - ex(v, i) * ex(v, i)) / Z(v) ** 2,
            lambda v, n, i: p(v, i) * (1 - p(v, i)),
        ],
        indices=("i",),
    ),
    *chain(
        [(18, 34), (19, 4), (20, 4)],
        [
            lambda v, n, i, j: dp(v, i, j),
            lambda v, n, i, j: (0 * Z(v) - ex(v, i) * ex(v, j)) / Z(v) ** 2,
            # dropped minus sign
            lambda v, n, i, j: ex(v, i) / Z(v) * (ex(v, j) / Z(v)),
            lambda v, n, i, j: p(v, i) * p(v, j),
        ],
        indices=("i", "j"),
        case="i != j",
    ),
    Step(
        24,
        33,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
    ),
    *chain(
        [(29, 32), (30, 4), (31, 4), (32, 4)],
        [
            lambda v, n, i: d(lambda z: L(v, z), v.z, i),
            lambda v, n, i: -sum(y(v, k) / p(v, k) * dp(v, k, i) for k in ks(n)),
            lambda v, n, i: -sum(y(v, k) * (delta(k, i) - p(v, i)) for k in ks(n)),
            lambda v, n, i: p(v, i) * sum(y(v, k) for k in ks(n)) - y(v, i),
            lambda v, n, i: p(v, i) - y(v, i),
        ],
        indices=("i",),
    ),
]
