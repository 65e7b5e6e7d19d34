import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n))


def s(v, i):
    return softmax(v.a)[i - 1]


def ds(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def E(v, k):
    return mp.exp(v.a[k - 1])


def S(v):
    return sum(mp.exp(t) for t in v.a)


IJ = ("i", "j")

STEPS = [
    Step(6, 24, kind="definition"),
    Step(
        13,
        40,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda a: sum(mp.exp(t) for t in a), v.a, j),
        rhs=lambda v, n, j: E(v, j),
    ),
    Step(
        14,
        41,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: mp.exp(a[i - 1]), v.a, j),
        rhs=lambda v, n, i, j: delta(i, j) * E(v, i),
    ),
    Step(
        18,
        53,
        indices=IJ,
        lhs=lambda v, n, i, j: ds(v, i, j),
        rhs=lambda v, n, i, j: (delta(i, j) * E(v, i) * S(v) - E(v, j) * E(v, i)) / S(v) ** 2,
    ),
    Step(
        19,
        2,
        indices=IJ,
        lhs=lambda v, n, i, j: (delta(i, j) * E(v, i) * S(v) - E(v, j) * E(v, i)) / S(v) ** 2,
        rhs=lambda v, n, i, j: E(v, i) / S(v) * (delta(i, j) * S(v) - E(v, j)) / S(v),
    ),
    Step(
        20,
        2,
        indices=IJ,
        lhs=lambda v, n, i, j: E(v, i) / S(v) * (delta(i, j) * S(v) - E(v, j)) / S(v),
        rhs=lambda v, n, i, j: s(v, i) * (delta(i, j) - s(v, j)),
    ),
    Step(
        25,
        67,
        indices=("j",),
        lhs=lambda v, n, j: sum(ds(v, i, j) for i in range(1, n + 1)),
        rhs=lambda v, n, j: s(v, j) - s(v, j) * sum(s(v, i) for i in range(1, n + 1)),
    ),
    Step(
        25,
        146,
        indices=("j",),
        lhs=lambda v, n, j: s(v, j) - s(v, j) * sum(s(v, i) for i in range(1, n + 1)),
        rhs=lambda v, n, j: mp.mpf(0),
    ),
    Step(
        28,
        54,
        lhs=lambda v, n: d(lambda a: softmax(a[:2])[0], v.a, 1),
        rhs=lambda v, n: E(v, 1) * E(v, 2) / (E(v, 1) + E(v, 2)) ** 2,
        note="written out for K = 2: only a_1, a_2 enter",
    ),
]
