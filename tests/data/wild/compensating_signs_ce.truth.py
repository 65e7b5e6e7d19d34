import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    # "one-hot label y"
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def yh(v, k):
    return softmax(v.z)[k - 1]


def y(v, k):
    return v.y[k - 1]


def loss(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def ks(n, skip=None):
    return [k for k in range(1, n + 1) if k != skip]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(9, 11, kind="definition"),
    Step(15, 13, kind="definition"),
    *chain(
        [(21, 44), (22, 2), (23, 2), (24, 2), (25, 2), (26, 2)],
        [
            lambda v, n, i: d(lambda z: loss(v, z), v.z, i),
            lambda v, n, i: (
                -sum(
                    y(v, k) / yh(v, k) * d(lambda z, k=k: softmax(z)[k - 1], v.z, i) for k in ks(n)
                )
            ),
            # sign slip: the off-diagonal derivative is -yh_k yh_i, so this sum should be added
            lambda v, n, i: (
                -y(v, i) / yh(v, i) * yh(v, i) * (1 - yh(v, i))
                - sum(y(v, k) / yh(v, k) * yh(v, k) * yh(v, i) for k in ks(n, i))
            ),
            lambda v, n, i: -y(v, i) * (1 - yh(v, i)) - sum(y(v, k) * yh(v, i) for k in ks(n, i)),
            # the compensating slip: the sign flips back
            lambda v, n, i: (
                -y(v, i) + y(v, i) * yh(v, i) + sum(y(v, k) * yh(v, i) for k in ks(n, i))
            ),
            lambda v, n, i: yh(v, i) * sum(y(v, k) for k in ks(n)) - y(v, i),
            lambda v, n, i: yh(v, i) - y(v, i),
        ],
        indices=("i",),
    ),
]
