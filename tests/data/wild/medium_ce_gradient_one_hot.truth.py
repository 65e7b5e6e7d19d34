import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    # "y is the one-hot encoding of the true class"
    return Point(o=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.o)[k - 1]


def y(v, k):
    return v.y[k - 1]


def loss(v, o):
    return -sum(v.y[j] * mp.log(softmax(o)[j]) for j in range(len(o)))


def ks(n, skip=None):
    return [k for k in range(1, n + 1) if k != skip]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(7, 7, kind="definition"),
    Step(11, 5, kind="definition"),
    Step(
        17,
        37,
        indices=("i", "j"),
        case="i = j",
        lhs=lambda v, n, i, j: d(lambda o: softmax(o)[j - 1], v.o, i),
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        21,
        37,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: d(lambda o: softmax(o)[j - 1], v.o, i),
        rhs=lambda v, n, i, j: -p(v, i) * p(v, j),
    ),
    *chain(
        [(25, 35), (26, 3), (30, 3), (31, 3), (32, 3), (33, 3), (37, 3)],
        [
            lambda v, n, i: d(lambda o: loss(v, o), v.o, i),
            lambda v, n, i: (
                -sum(y(v, k) * d(lambda o, k=k: mp.log(softmax(o)[k - 1]), v.o, i) for k in ks(n))
            ),
            lambda v, n, i: (
                -sum(y(v, k) / p(v, k) * d(lambda o, k=k: softmax(o)[k - 1], v.o, i) for k in ks(n))
            ),
            lambda v, n, i: (
                -y(v, i) * (1 - p(v, i))
                - sum(y(v, k) / p(v, k) * (-p(v, k) * p(v, i)) for k in ks(n, i))
            ),
            lambda v, n, i: -y(v, i) * (1 - p(v, i)) + sum(y(v, k) * p(v, i) for k in ks(n, i)),
            lambda v, n, i: -y(v, i) + y(v, i) * p(v, i) + sum(y(v, k) * p(v, i) for k in ks(n, i)),
            lambda v, n, i: p(v, i) * sum(y(v, k) for k in ks(n)) - y(v, i),
            lambda v, n, i: p(v, i) - y(v, i),
        ],
        indices=("i",),
    ),
]
