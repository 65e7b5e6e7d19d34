import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# softmax over x with n entries in the first sections, K classes in the cross-entropy section:
# the same vector x, so n = K. The log-softmax Jacobian's sign slips (delta + p_k); y is
# stated one-hot.


def sample(rng, n):
    return Point(x=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.x)[k - 1]


def loss(v, x):
    return -sum(v.y[i] * mp.log(softmax(x)[i]) for i in range(len(x)))


STEPS = [
    Step(6, 7, kind="definition"),
    Step(
        13,
        13,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(p(v, i)),
        rhs=lambda v, n, i: v.x[i - 1] - mp.log(sum(mp.exp(t) for t in v.x)),
    ),
    Step(
        14,
        45,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda x: mp.log(softmax(x)[i - 1]), v.x, k),
        rhs=lambda v, n, i, k: delta(i, k) - mp.exp(v.x[k - 1]) / sum(mp.exp(t) for t in v.x),
    ),
    Step(
        15,
        2,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: delta(i, k) - mp.exp(v.x[k - 1]) / sum(mp.exp(t) for t in v.x),
        rhs=lambda v, n, i, k: delta(i, k) + p(v, k),
    ),
    Step(25, 4, kind="definition"),
    Step(
        26,
        36,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda x: loss(v, x), v.x, k),
        rhs=lambda v, n, k: -sum(v.y[i - 1] * (delta(i, k) - p(v, k)) for i in range(1, n + 1)),
    ),
    Step(
        27,
        2,
        indices=("k",),
        lhs=lambda v, n, k: -sum(v.y[i - 1] * (delta(i, k) - p(v, k)) for i in range(1, n + 1)),
        rhs=lambda v, n, k: p(v, k) * sum(v.y) - v.y[k - 1],
    ),
    Step(
        28,
        2,
        indices=("k",),
        lhs=lambda v, n, k: p(v, k) * sum(v.y) - v.y[k - 1],
        rhs=lambda v, n, k: p(v, k) - v.y[k - 1],
    ),
]
