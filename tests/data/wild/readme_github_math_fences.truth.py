import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))  # one-hot targets, as the text says


def p(v, k):
    return softmax(v.z)[k - 1]


def loss(z, y):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def dL(v, i):
    return d(lambda z: loss(z, v.y), v.z, i)


def dp(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


def chain_term(v, n, i):  # -sum_k y_k / p_k * dp_k/dz_i
    return -sum(v.y[k - 1] / p(v, k) * dp(v, k, i) for k in range(1, n + 1))


def deltas(v, n, i):  # -sum_k y_k (delta_ki - p_i)
    return -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in range(1, n + 1))


STEPS = [
    Step(7, 5, kind="definition"),
    Step(13, 3, kind="definition"),
    Step(
        19,
        35,
        lhs=lambda v, n, k, i: dp(v, k, i),
        rhs=lambda v, n, k, i: p(v, k) * (delta(k, i) - p(v, i)),
        indices=("k", "i"),
    ),
    Step(25, 33, lhs=lambda v, n, i: dL(v, i), rhs=chain_term, indices=("i",)),
    Step(25, 101, lhs=chain_term, rhs=deltas, indices=("i",)),
    Step(  # planted: the sign of y_i flipped (it is p_i sum_k y_k - y_i)
        25,
        142,
        lhs=deltas,
        rhs=lambda v, n, i: p(v, i) * sum(v.y) + v.y[i - 1],
        indices=("i",),
    ),
    Step(
        31,
        33,
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
        indices=("i",),
    ),
]
