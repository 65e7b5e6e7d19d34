import mpmath as mp
from truth import Point, Step, reals, softmax

# Section 1: m is the mean of the logits (stated). Section 2: m is redefined as the maximum.


def sample(rng, n):
    return Point(z=reals(rng, n))


def mean(z):
    return sum(z) / len(z)


def lse(z):
    return mp.log(sum(mp.exp(t) for t in z))


STEPS = [
    Step(10, 28, lhs=lambda v, n: sum(t - mean(v.z) for t in v.z), rhs=lambda v, n: mp.mpf(0)),
    Step(
        14,
        50,
        indices=("i",),
        lhs=lambda v, n, i: softmax([t - mean(v.z) for t in v.z])[i - 1],
        rhs=lambda v, n, i: softmax(v.z)[i - 1],
    ),
    Step(21, 5, kind="definition"),
    Step(
        25,
        31,
        lhs=lambda v, n: lse(v.z),
        rhs=lambda v, n: max(v.z) + lse([t - max(v.z) for t in v.z]),
    ),
    Step(
        30,
        35,
        lhs=lambda v, n: lse([t - max(v.z) for t in v.z]),
        rhs=lambda v, n: lse(v.z) + max(v.z),
        note="planted: the sign of m",
    ),
]
