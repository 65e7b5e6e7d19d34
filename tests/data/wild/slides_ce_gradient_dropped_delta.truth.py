import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # "label y: one-hot"
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def s(v, k):
    return softmax(v.z)[k - 1]


def y(v, k):
    return v.y[k - 1]


def L(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def dlogs(v, k, i):
    return d(lambda z: mp.log(softmax(z)[k - 1]), v.z, i)


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(11, 7, kind="definition"),
    Step(11, 50, kind="definition"),
    Step(
        17,
        14,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(s(v, k)),
        rhs=lambda v, n, k: v.z[k - 1] - mp.log(sum(mp.exp(t) for t in v.z)),
    ),
    Step(
        19,
        44,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dlogs(v, k, i),
        rhs=lambda v, n, k, i: delta(k, i) - s(v, i),
    ),
    *chain(
        [(26, 8), (27, 8), (28, 8), (29, 8), (30, 8)],
        [
            lambda v, n, i: d(lambda z: L(v, z), v.z, i),
            lambda v, n, i: -sum(y(v, k) * dlogs(v, k, i) for k in ks(n)),
            lambda v, n, i: -sum(y(v, k) * (delta(k, i) - s(v, i)) for k in ks(n)),
            # dropped Kronecker delta
            lambda v, n, i: -sum(y(v, k) * (1 - s(v, i)) for k in ks(n)),
            lambda v, n, i: -(1 - s(v, i)) * sum(y(v, k) for k in ks(n)),
            lambda v, n, i: s(v, i) - 1,
        ],
        indices=("i",),
    ),
]
