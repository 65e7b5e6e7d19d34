import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# one sample's row z_{i,1..L}: the sample index i is fixed throughout


def sample(rng, n):
    return Point(z=reals(rng, n))


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


def S(v, k):
    return softmax(v.z)[k - 1]


def dS(v, j, k):
    return d(lambda z: softmax(z)[j - 1], v.z, k)


JK = ("j", "k")

STEPS = [
    Step(7, 9, kind="definition"),
    Step(
        14,
        43,
        indices=JK,
        lhs=lambda v, n, j, k: dS(v, j, k),
        rhs=lambda v, n, j, k: (delta(j, k) * e(v, j) * Z(v) - e(v, j) * e(v, k)) / Z(v) ** 2,
    ),
    Step(
        14,
        174,
        indices=JK,
        lhs=lambda v, n, j, k: (delta(j, k) * e(v, j) * Z(v) - e(v, j) * e(v, k)) / Z(v) ** 2,
        rhs=lambda v, n, j, k: S(v, j) * (delta(j, k) - S(v, k)),
    ),
    Step(
        20,
        43,
        indices=JK,
        lhs=lambda v, n, j, k: dS(v, j, k),
        rhs=lambda v, n, j, k: S(v, j) * (1 - S(v, j)) if j == k else S(v, j) * S(v, k),
        note="planted: the off-diagonal row lost its minus sign",
    ),
]
