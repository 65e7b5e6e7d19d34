import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def E(v, k):
    return mp.exp(v.z[k - 1])


def Z(v):
    return sum(mp.exp(u) for u in v.z)


def y(v, k):
    return softmax(v.z)[k - 1]


def dy(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(9, 11, kind="definition"),
    Step(
        18,
        41,
        indices=I,
        lhs=lambda v, n, i: dy(v, i, i),
        rhs=lambda v, n, i: (E(v, i) * Z(v) - E(v, i) ** 2) / Z(v) ** 2,
    ),
    Step(
        22,
        1,
        indices=I,
        lhs=lambda v, n, i: (E(v, i) * Z(v) - E(v, i) ** 2) / Z(v) ** 2,
        rhs=lambda v, n, i: E(v, i) / Z(v) * (Z(v) - E(v, i)) / Z(v),
    ),
    Step(
        26,
        1,
        indices=I,
        lhs=lambda v, n, i: E(v, i) / Z(v) * (Z(v) - E(v, i)) / Z(v),
        rhs=lambda v, n, i: y(v, i) * (1 - y(v, i)),
    ),
    Step(
        34,
        41,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (0 - E(v, i) * E(v, j)) / Z(v) ** 2,
    ),
    # the minus sign dropped (the text says so itself)
    Step(
        38,
        1,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 - E(v, i) * E(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: y(v, i) * y(v, j),
    ),
    Step(
        49,
        27,
        indices=I,
        lhs=lambda v, n, i: sum(y(v, j) for j in range(1, n + 1) if j != i),
        rhs=lambda v, n, i: 1 - y(v, i),
    ),
]
