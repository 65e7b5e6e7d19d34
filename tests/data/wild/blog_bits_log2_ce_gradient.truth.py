import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# "every logarithm below is to base 2": log x = ln x / ln 2. The label is one-hot.
LN2 = mp.log(2)


def sample(rng, n):
    return Point(
        z=reals(rng, n), y=one_hot(rng, n), q=[mp.mpf(rng.uniform(0.05, 1)) for _ in range(n)]
    )


def H_of_p(v, p):
    return -sum(v.y[k] * mp.log(p[k]) / LN2 for k in range(len(p)))


def H(v, z):
    return H_of_p(v, softmax(z))


def p(v, k):
    return softmax(v.z)[k - 1]


def dp(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


def dH_dp(v, k):
    # H as a function of independent p's, at the softmax point
    return d(lambda q: H_of_p(v, q), softmax(v.z), k)


def ks(n):
    return range(1, n + 1)


STEPS = [
    Step(8, 7, kind="definition"),
    Step(13, 5, kind="definition"),
    Step(
        19,
        35,
        indices=("k",),
        lhs=lambda v, n, k: dH_dp(v, k),
        rhs=lambda v, n, k: -v.y[k - 1] / (p(v, k) * LN2),
    ),
    Step(
        25,
        37,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dp(v, k, i),
        rhs=lambda v, n, k, i: p(v, k) * (delta(k, i) - p(v, i)),
    ),
    Step(
        29,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: H(v, z), v.z, i),
        rhs=lambda v, n, i: sum(dH_dp(v, k) * dp(v, k, i) for k in ks(n)),
    ),
    Step(
        29,
        117,
        indices=("i",),
        lhs=lambda v, n, i: sum(dH_dp(v, k) * dp(v, k, i) for k in ks(n)),
        rhs=lambda v, n, i: -1 / LN2 * sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
    ),
    Step(
        29,
        173,
        indices=("i",),
        lhs=lambda v, n, i: -1 / LN2 * sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
        rhs=lambda v, n, i: (p(v, i) - v.y[i - 1]) / LN2,
    ),
    Step(
        36,
        42,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: mp.log(softmax(z)[i - 1]) / LN2, v.z, i),
        rhs=lambda v, n, i: (1 - p(v, i)) / LN2,
    ),
]
