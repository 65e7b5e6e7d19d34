import mpmath as mp
from truth import Point, Step, d, d2, delta, one_hot, reals, softmax


def sample(rng, n):
    # "The label is encoded as a one-hot vector"
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def yh(v, k):
    return softmax(v.z)[k - 1]


def y(v, k):
    return v.y[k - 1]


def ex(v, k):
    return mp.exp(v.z[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def dyh(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


def loss(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


KI = ("k", "i")

STEPS = [
    Step(12, 13, kind="definition"),
    Step(12, 43, kind="definition"),
    Step(17, 18, kind="definition"),
    *chain(
        [(26, 6), (27, 6), (28, 6)],
        [
            lambda v, n, k, i: dyh(v, k, i),
            lambda v, n, k, i: (ex(v, k) * Z(v) - ex(v, k) * ex(v, i)) / Z(v) ** 2,
            lambda v, n, k, i: yh(v, k) - yh(v, k) * yh(v, i),
            lambda v, n, k, i: yh(v, k) * (1 - yh(v, k)),
        ],
        indices=KI,
        case="i = k",
    ),
    *chain(
        [(33, 6), (34, 6)],
        [
            lambda v, n, k, i: dyh(v, k, i),
            lambda v, n, k, i: -ex(v, k) * ex(v, i) / Z(v) ** 2,
            lambda v, n, k, i: -yh(v, k) * yh(v, i),
        ],
        indices=KI,
        case="i != k",
    ),
    Step(
        38,
        43,
        indices=KI,
        lhs=lambda v, n, k, i: dyh(v, k, i),
        rhs=lambda v, n, k, i: yh(v, k) * (delta(i, k) - yh(v, i)),
    ),
    *chain(
        [(47, 6), (48, 6), (49, 6), (50, 6)],
        [
            lambda v, n, i: d(lambda z: loss(v, z), v.z, i),
            lambda v, n, i: -sum(y(v, k) / yh(v, k) * dyh(v, k, i) for k in ks(n)),
            lambda v, n, i: -sum(y(v, k) * (delta(i, k) - yh(v, i)) for k in ks(n)),
            lambda v, n, i: -y(v, i) + yh(v, i) * sum(y(v, k) for k in ks(n)),
            lambda v, n, i: yh(v, i) - y(v, i),
        ],
        indices=("i",),
    ),
    *chain(
        [(54, 60), (54, 102)],
        [
            lambda v, n, i, j: d2(lambda z: loss(v, z), v.z, j, i),
            lambda v, n, i, j: dyh(v, i, j),
            lambda v, n, i, j: yh(v, i) * (delta(i, j) - yh(v, j)),
        ],
        indices=("i", "j"),
    ),
]
