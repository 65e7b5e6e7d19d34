import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# The \text tags name the case: "(diagonal terms)" i = j, "when the indices differ" and
# "(otherwise)" i != j.


def sample(rng, n):
    return Point(a=reals(rng, n))


def S(v, i):
    return softmax(v.a)[i - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def Z(v):
    return sum(mp.exp(t) for t in v.a)


ea = lambda v, i: mp.exp(v.a[i - 1])
IJ = ("i", "j")

STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        10,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: (delta(i, j) * ea(v, i) * Z(v) - ea(v, i) * ea(v, j)) / Z(v) ** 2,
    ),
    Step(
        10,
        146,
        indices=IJ,
        lhs=lambda v, n, i, j: (delta(i, j) * ea(v, i) * Z(v) - ea(v, i) * ea(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: delta(i, j) * S(v, i) - S(v, i) * S(v, j),
    ),
    Step(
        14,
        37,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
    ),
    Step(
        16,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: -S(v, i) * S(v, j),
    ),
    Step(
        20,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: -S(v, j) * S(v, i),
    ),
    Step(
        25,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (delta(i, j) - S(v, i)),
        note="planted: S_i instead of S_j inside the bracket",
    ),
]
