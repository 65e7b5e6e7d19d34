import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n))


def f(v, i):
    return softmax(v.a)[i - 1]


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def df(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


I, IJ = ("i",), ("i", "j")

STEPS = [
    Step(5, 10, kind="definition"),
    Step(
        11,
        40,
        indices=I,
        lhs=lambda v, n, i: df(v, i, i),
        rhs=lambda v, n, i: (mp.exp(v.a[i - 1]) * Z(v) - mp.exp(v.a[i - 1]) ** 2) / Z(v) ** 2,
    ),
    Step(
        11,
        137,
        indices=I,
        lhs=lambda v, n, i: (mp.exp(v.a[i - 1]) * Z(v) - mp.exp(v.a[i - 1]) ** 2) / Z(v) ** 2,
        rhs=lambda v, n, i: f(v, i) * (1 - f(v, i)),
    ),
    Step(
        15,
        40,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: df(v, i, j),
        rhs=lambda v, n, i, j: -mp.exp(v.a[i - 1]) * mp.exp(v.a[j - 1]) / Z(v) ** 2,
    ),
    Step(
        15,
        106,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -mp.exp(v.a[i - 1]) * mp.exp(v.a[j - 1]) / Z(v) ** 2,
        rhs=lambda v, n, i, j: f(v, i) * f(v, j),
        note="planted: the minus sign of the off-diagonal entry dropped",
    ),
]
