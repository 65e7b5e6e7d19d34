import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))  # "y a one-hot label"


def yh(v, k):
    return softmax(v.z)[k - 1]


def L(z, y):
    return -sum(yk * mp.log(pk) for yk, pk in zip(y, softmax(z)))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(7, 13, kind="definition"),
    Step(9, 5, kind="definition"),
    Step(
        15,
        43,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: d(lambda z: softmax(z)[k - 1], v.z, i),
        rhs=lambda v, n, k, i: yh(v, k) * (delta(k, i) - yh(v, i)),
    ),
    *chain(
        [(17, 35), (17, 110), (17, 156)],
        [
            lambda v, n, i: d(lambda z: L(z, v.y), v.z, i),
            lambda v, n, i: (
                -sum(
                    v.y[k - 1] / yh(v, k) * yh(v, k) * (delta(k, i) - yh(v, i))
                    for k in range(1, n + 1)
                )
            ),
            lambda v, n, i: -sum(v.y[k - 1] * delta(k, i) for k in range(1, n + 1)) - yh(v, i),
            lambda v, n, i: yh(v, i) - v.y[i - 1],
        ],
        indices=("i",),
    ),
]
