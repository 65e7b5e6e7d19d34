import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# lecture notes: rows led by \Rightarrow and \therefore (each a new equation, the arrow no
# equality), equations numbered "\qquad (1)". Planted: the diagonal entry s_i (1 + s_i).


def sample(rng, n):
    return Point(a=reals(rng, n))


def s(v, k):
    return softmax(v.a)[k - 1]


def dlog(v, i, j):
    return d(lambda a: mp.log(softmax(a)[i - 1]), v.a, j)


def ds(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def big(v):
    return sum(mp.exp(t) for t in v.a)


STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        11,
        11,
        lhs=lambda v, n, i: mp.log(s(v, i)),
        rhs=lambda v, n, i: v.a[i - 1] - mp.log(big(v)),
        indices=("i",),
    ),
    Step(
        12,
        53,
        lhs=lambda v, n, i, j: dlog(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) - mp.exp(v.a[j - 1]) / big(v),
        indices=("i", "j"),
    ),
    Step(
        13,
        52,
        lhs=lambda v, n, i, j: dlog(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) - s(v, j),
        indices=("i", "j"),
    ),
    Step(
        19,
        37,
        lhs=lambda v, n, i, j: ds(v, i, j),
        rhs=lambda v, n, i, j: s(v, i) * (delta(i, j) - s(v, j)),
        indices=("i", "j"),
    ),
    Step(
        21,
        48,
        lhs=lambda v, n, i: ds(v, i, i),
        rhs=lambda v, n, i: s(v, i) * (1 + s(v, i)),
        indices=("i",),
        note="planted: the diagonal entry is s_i (1 - s_i)",
    ),
]
