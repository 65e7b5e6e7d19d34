import mpmath as mp
from truth import Point, Step, d, delta, one_hot, positives, reals, softmax

# Section 1: yhat = softmax(z), y one-hot (stated), loss l = -sum_k y_k ln yhat_k.
# Subsection "Temperature": yhat is redefined as softmax(z / T), T > 0, and the loss with it.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n), T=positives(rng, 1)[0] + mp.mpf(1) / 2)


def yh(z, k):
    return softmax(z)[k - 1]


def loss(y, z):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def tempered(v, z):
    return [t / v.T for t in z]


K = ("k",)

STEPS = [
    Step(9, 13, kind="definition"),
    Step(9, 68, kind="definition", note="the range k = 1, ..., K of the definition"),
    Step(13, 20, kind="definition"),
    Step(
        18,
        6,
        indices=K,
        lhs=lambda v, n, k: d(lambda z: loss(v.y, z), v.z, k),
        rhs=lambda v, n, k: (
            -sum(v.y[j - 1] / yh(v.z, j) * d(lambda z: yh(z, j), v.z, k) for j in range(1, n + 1))
        ),
    ),
    Step(
        19,
        6,
        indices=K,
        lhs=lambda v, n, k: (
            -sum(v.y[j - 1] / yh(v.z, j) * d(lambda z: yh(z, j), v.z, k) for j in range(1, n + 1))
        ),
        rhs=lambda v, n, k: -sum(v.y[j - 1] * (delta(j, k) - yh(v.z, k)) for j in range(1, n + 1)),
    ),
    Step(
        19,
        105,
        indices=("j", "k"),
        lhs=lambda v, n, j, k: d(lambda z: yh(z, j), v.z, k),
        rhs=lambda v, n, j, k: yh(v.z, j) * (delta(j, k) - yh(v.z, k)),
        note="the aside after 'since'",
    ),
    Step(
        20,
        6,
        indices=K,
        lhs=lambda v, n, k: -sum(v.y[j - 1] * (delta(j, k) - yh(v.z, k)) for j in range(1, n + 1)),
        rhs=lambda v, n, k: yh(v.z, k) * sum(v.y) - v.y[k - 1],
    ),
    Step(
        21,
        6,
        indices=K,
        lhs=lambda v, n, k: yh(v.z, k) * sum(v.y) - v.y[k - 1],
        rhs=lambda v, n, k: yh(v.z, k) - v.y[k - 1],
        note="uses that y is one-hot (stated)",
    ),
    Step(
        25,
        30,
        indices=("r", "c"),
        lhs=lambda v, n, r, c: d(lambda z: d(lambda w: loss(v.y, w), z, r), v.z, c),
        rhs=lambda v, n, r, c: delta(r, c) * yh(v.z, r) - yh(v.z, r) * yh(v.z, c),
    ),
    Step(
        31,
        43,
        indices=K,
        lhs=lambda v, n, k: d(lambda z: yh(tempered(v, z), k), v.z, k),
        rhs=lambda v, n, k: yh(tempered(v, v.z), k) * (1 + yh(tempered(v, v.z), k)) / v.T,
        note="planted: 1 - yhat_k is right",
    ),
    Step(
        35,
        38,
        indices=K,
        lhs=lambda v, n, k: d(lambda z: loss(v.y, tempered(v, z)), v.z, k),
        rhs=lambda v, n, k: (yh(tempered(v, v.z), k) - v.y[k - 1]) / v.T,
    ),
]
