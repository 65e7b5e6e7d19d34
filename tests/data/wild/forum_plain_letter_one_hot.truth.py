import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# "where y is one-hot", said in plain words; the last display keeps only the k = i term.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def dL(v, i):
    return d(lambda z: -sum(yk * mp.log(q) for yk, q in zip(v.y, softmax(z))), v.z, i)


def ks(n):
    return range(1, n + 1)


STEPS = [
    Step(
        7,
        37,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: d(lambda z: softmax(z)[k - 1], v.z, i),
        rhs=lambda v, n, k, i: p(v, k) * (delta(k, i) - p(v, i)),
    ),
    Step(
        11,
        35,
        indices=("i",),
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
    ),
    Step(
        11,
        84,
        indices=("i",),
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
        rhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
    ),
    Step(
        11,
        108,
        indices=("i",),
        lhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
    ),
    Step(  # keeps only the k = i term of the chain-rule sum: wrong
        15,
        35,
        indices=("i",),
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: -v.y[i - 1] * (1 - p(v, i)),
    ),
    Step(
        15,
        67,
        indices=("i",),
        lhs=lambda v, n, i: -v.y[i - 1] * (1 - p(v, i)),
        rhs=lambda v, n, i: v.y[i - 1] * p(v, i) - v.y[i - 1],
    ),
]
