import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def s(v, i):
    return softmax(v.z)[i - 1]


def Z(v):
    return sum(mp.e**x for x in v.z)


def L(z, y):
    return -sum(t * mp.log(p) for t, p in zip(y, softmax(z), strict=True))


def dL(v, i):
    return d(lambda z: L(z, v.y), v.z, i)


def ds(v, j, i):
    return d(lambda z: softmax(z)[j - 1], v.z, i)


def quotient(v, i, j):
    ej, ei = mp.e ** v.z[j - 1], mp.e ** v.z[i - 1]
    return (delta(i, j) * ej * Z(v) - ej * ei) / Z(v) ** 2


IJ, I = ("i", "j"), ("i",)

STEPS = [
    Step(6, 10, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(
        14, 40, indices=IJ, lhs=lambda v, n, i, j: ds(v, j, i), rhs=lambda v, n, i, j: ds(v, j, i)
    ),
    Step(
        14,
        126,
        indices=IJ,
        lhs=lambda v, n, i, j: ds(v, j, i),
        rhs=lambda v, n, i, j: quotient(v, i, j),
    ),
    Step(
        16,
        110,
        indices=IJ,
        lhs=lambda v, n, i, j: quotient(v, i, j),
        rhs=lambda v, n, i, j: s(v, j) * (delta(i, j) - s(v, i)),
    ),
    Step(
        20,
        40,
        indices=I,
        lhs=lambda v, n, i: ds(v, i, i),
        rhs=lambda v, n, i: s(v, i) * (1 + s(v, i)),
        note="planted: the sign inside the bracket flipped",
    ),
    Step(
        24,
        35,
        indices=I,
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: -sum(v.y[k - 1] / s(v, k) * ds(v, k, i) for k in range(1, n + 1)),
    ),
    Step(
        24,
        109,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] / s(v, k) * ds(v, k, i) for k in range(1, n + 1)),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(i, k) - s(v, i)) for k in range(1, n + 1)),
    ),
    Step(
        24,
        165,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(i, k) - s(v, i)) for k in range(1, n + 1)),
        rhs=lambda v, n, i: s(v, i) * sum(v.y) - v.y[i - 1],
    ),
    Step(
        24,
        199,
        indices=I,
        lhs=lambda v, n, i: s(v, i) * sum(v.y) - v.y[i - 1],
        rhs=lambda v, n, i: s(v, i) - v.y[i - 1],
    ),
]
