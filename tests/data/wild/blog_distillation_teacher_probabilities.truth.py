import mpmath as mp
from truth import Point, Step, d, d2, delta, distribution, reals

# The teacher probabilities p are a distribution (stated); q the softmax of z / T. Planted: the
# last display, 1/T^2 in place of 1/T.


def sample(rng, n):
    return Point(z=reals(rng, n), p=distribution(rng, n), T=mp.mpf(rng.uniform(0.5, 3)))


def soft(z, T):
    s = sum(mp.exp(t / T) for t in z)
    return [mp.exp(t / T) / s for t in z]


def q(v, k):
    return soft(v.z, v.T)[k - 1]


def C(v, z):
    return -sum(a * mp.log(b) for a, b in zip(v.p, soft(z, v.T)))


def P(v, k):
    return v.p[k - 1]


def ks(n):
    return range(1, n + 1)


IJ = ("i", "j")

STEPS = [
    Step(
        10,
        12,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(q(v, i)),
        rhs=lambda v, n, i: v.z[i - 1] / v.T - mp.log(sum(mp.exp(t / v.T) for t in v.z)),
    ),
    Step(
        14,
        42,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: mp.log(soft(z, v.T)[i - 1]), v.z, j),
        rhs=lambda v, n, i, j: (delta(i, j) - q(v, j)) / v.T,
    ),
    Step(
        18,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: C(v, z), v.z, j),
        rhs=lambda v, n, j: -sum(P(v, i) * (delta(i, j) - q(v, j)) for i in ks(n)) / v.T,
    ),
    Step(
        18,
        79,
        indices=("j",),
        lhs=lambda v, n, j: -sum(P(v, i) * (delta(i, j) - q(v, j)) for i in ks(n)) / v.T,
        rhs=lambda v, n, j: (q(v, j) * sum(v.p) - P(v, j)) / v.T,
    ),
    Step(
        18,
        126,
        indices=("j",),
        lhs=lambda v, n, j: (q(v, j) * sum(v.p) - P(v, j)) / v.T,
        rhs=lambda v, n, j: (q(v, j) - P(v, j)) / v.T,
    ),
    Step(
        22,
        50,
        indices=IJ,
        lhs=lambda v, n, i, j: d2(lambda z: C(v, z), v.z, i, j),
        rhs=lambda v, n, i, j: q(v, i) * (delta(i, j) - q(v, j)) / v.T**2,
    ),
    Step(
        26,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: C(v, z), v.z, j),
        rhs=lambda v, n, j: (q(v, j) - P(v, j)) / v.T**2,
    ),
]
