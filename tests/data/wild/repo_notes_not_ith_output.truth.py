import mpmath as mp
from truth import Point, Step, d, reals, softmax

# a repository's maths notes: the diagonal, then "for not i th output, call it z" (the case
# z != i said in words); planted: the minus sign dropped in the last line


def sample(rng, n):
    return Point(x=reals(rng, n))


def S(v, i):
    return softmax(v.x)[i - 1]


def total(v):
    return sum(mp.exp(t) for t in v.x)


def e(v, k):
    return mp.exp(v.x[k - 1])


def dS(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


STEPS = [
    Step(3, 42, kind="definition"),
    Step(
        12,
        2,
        indices=("i",),
        lhs=lambda v, n, i: dS(v, i, i),
        rhs=lambda v, n, i: e(v, i) / total(v) - e(v, i) * e(v, i) / total(v) ** 2,
    ),
    Step(
        13,
        2,
        indices=("i",),
        lhs=lambda v, n, i: e(v, i) / total(v) - e(v, i) * e(v, i) / total(v) ** 2,
        rhs=lambda v, n, i: S(v, i) * (1 - S(v, i)),
    ),
    Step(
        22,
        2,
        indices=("i", "z"),
        case="i != z",
        lhs=lambda v, n, i, z: dS(v, z, i),
        rhs=lambda v, n, i, z: 0 - e(v, z) * e(v, i) / total(v) ** 2,
    ),
    Step(
        23,
        2,
        indices=("i", "z"),
        case="i != z",
        lhs=lambda v, n, i, z: 0 - e(v, z) * e(v, i) / total(v) ** 2,
        rhs=lambda v, n, i, z: S(v, z) * S(v, i),
        note="planted: the minus sign dropped",
    ),
]
