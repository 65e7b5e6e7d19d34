import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # c: any constant; y: stated one-hot
    return Point(x=reals(rng, n), c=mp.mpf(rng.uniform(-3, 3)), y=one_hot(rng, n))


def s(v, i):
    return softmax(v.x)[i - 1]


def C(v, x):
    return -sum(yi * mp.log(si) for yi, si in zip(v.y, softmax(x), strict=True))


def Z(v, shift=0):
    return sum(mp.exp(t + shift) for t in v.x)


IDX_I = ("i",)
K = ("k",)

STEPS = [
    Step(16, 5, kind="definition"),
    Step(
        26,
        49,
        indices=IDX_I,
        lhs=lambda v, n, i: mp.exp(v.x[i - 1] + v.c) / Z(v, v.c),
        rhs=lambda v, n, i: (
            mp.exp(v.x[i - 1]) * mp.exp(v.c) / sum(mp.exp(t) * mp.exp(v.c) for t in v.x)
        ),
    ),
    Step(
        27,
        2,
        indices=IDX_I,
        lhs=lambda v, n, i: (
            mp.exp(v.x[i - 1]) * mp.exp(v.c) / sum(mp.exp(t) * mp.exp(v.c) for t in v.x)
        ),
        rhs=lambda v, n, i: mp.exp(v.x[i - 1]) / Z(v),
    ),
    Step(
        27,
        43,
        indices=IDX_I,
        lhs=lambda v, n, i: mp.exp(v.x[i - 1]) / Z(v),
        rhs=lambda v, n, i: s(v, i),
    ),
    Step(
        33,
        35,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda x: softmax(x)[i - 1], v.x, k),
        rhs=lambda v, n, i, k: s(v, i) * (delta(i, k) - s(v, k)),
    ),
    Step(
        43,
        34,
        indices=K,
        lhs=lambda v, n, k: d(lambda x: C(v, x), v.x, k),
        rhs=lambda v, n, k: (
            -sum(v.y[i - 1] / s(v, i) * s(v, i) * (delta(i, k) - s(v, k)) for i in range(1, n + 1))
        ),
    ),
    Step(
        44,
        2,
        indices=K,
        lhs=lambda v, n, k: (
            -sum(v.y[i - 1] / s(v, i) * s(v, i) * (delta(i, k) - s(v, k)) for i in range(1, n + 1))
        ),
        rhs=lambda v, n, k: -v.y[k - 1] + s(v, k) * sum(v.y),
    ),
    Step(
        45,
        2,
        indices=K,
        lhs=lambda v, n, k: -v.y[k - 1] + s(v, k) * sum(v.y),
        rhs=lambda v, n, k: s(v, k) - v.y[k - 1],
    ),
]
