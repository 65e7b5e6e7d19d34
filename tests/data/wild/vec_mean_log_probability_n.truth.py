import mpmath as mp
from truth import Point, Step, d, d2, delta, logsumexp, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def mean_log_p(n):
    return lambda z: sum(mp.log(q) for q in softmax(z)) / n


def p(v, i):
    return softmax(v.z)[i - 1]


STEPS = [
    Step(
        7,
        39,
        lhs=lambda v, n: mean_log_p(n)(v.z),
        rhs=lambda v, n: sum(v.z) / n - logsumexp(v.z),
    ),
    Step(
        11,
        51,
        indices=("i",),
        lhs=lambda v, n, i: d(logsumexp, v.z, i),
        rhs=lambda v, n, i: p(v, i),
    ),
    Step(
        15,
        74,
        indices=("i",),
        lhs=lambda v, n, i: d(mean_log_p(n), v.z, i),
        rhs=lambda v, n, i: mp.mpf(1) / n - p(v, i),
    ),
    Step(
        19,
        74,
        indices=("i",),
        lhs=lambda v, n, i: d(mean_log_p(n), v.z, i),
        rhs=lambda v, n, i: 1 - p(v, i),
        note="planted: the 1/n of the first term dropped",
    ),
    Step(
        23,
        53,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d2(logsumexp, v.z, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * p(v, i) - p(v, i) * p(v, j),
    ),
    Step(
        27,
        53,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d2(logsumexp, v.z, i, j),
        rhs=lambda v, n, i, j: p(v, i) * p(v, j) - delta(i, j) * p(v, i),
        note="planted: the two terms of the Hessian swapped",
    ),
]
