import mpmath as mp
from truth import Point, Step, d, delta, positives, reals, softmax


def sample(rng, n):
    # the note never says the targets are one-hot or sum to one: any non-negative targets
    return Point(z=reals(rng, n), t=positives(rng, n))


def q(v, k):
    return softmax(v.z)[k - 1]


def t(v, k):
    return v.t[k - 1]


def E(v, z):
    return -sum(v.t[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def ks(n, skip=None):
    return [k for k in range(1, n + 1) if k != skip]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def dq(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


STEPS = [
    Step(5, 7, kind="definition"),
    Step(9, 5, kind="definition"),
    Step(
        13,
        37,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dq(v, k, i),
        rhs=lambda v, n, k, i: q(v, k) * (delta(k, i) - q(v, i)),
    ),
    *chain(
        [(17, 35), (17, 102)],
        [
            lambda v, n, i: d(lambda z: E(v, z), v.z, i),
            lambda v, n, i: -sum(t(v, k) / q(v, k) * dq(v, k, i) for k in ks(n)),
            lambda v, n, i: -sum(t(v, k) * (delta(k, i) - q(v, i)) for k in ks(n)),
        ],
        indices=("i",),
    ),
    *chain(
        [(21, 42), (22, 3), (22, 45)],
        [
            lambda v, n, i: -sum(t(v, k) * (delta(k, i) - q(v, i)) for k in ks(n)),
            lambda v, n, i: (
                -t(v, i) * (1 - q(v, i)) - sum(t(v, k) * (0 - q(v, i)) for k in ks(n, i))
            ),
            lambda v, n, i: -t(v, i) + t(v, i) * q(v, i) + q(v, i) * sum(t(v, k) for k in ks(n, i)),
            lambda v, n, i: -t(v, i) + q(v, i) * sum(t(v, k) for k in ks(n)),
        ],
        indices=("i",),
    ),
    Step(
        26,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: E(v, z), v.z, i),
        rhs=lambda v, n, i: q(v, i) - t(v, i),
        note="uses sum_k t_k = 1, never stated (targets not said to be one-hot or normalised)",
    ),
]
