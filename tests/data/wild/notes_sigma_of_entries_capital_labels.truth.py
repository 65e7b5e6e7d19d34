import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    return Point(A=reals(rng, n), Y=one_hot(rng, n))


def s(v, i):
    return softmax(v.A)[i - 1]


def H(A, Y):
    return -sum(y * mp.log(p) for y, p in zip(Y, softmax(A), strict=True))


def dH(v, i):
    return d(lambda A: H(A, v.Y), v.A, i)


def dlog(v, k, i):
    return d(lambda A: mp.log(softmax(A)[k - 1]), v.A, i)


def Y(v, k):
    return v.Y[k - 1]


I, IK = ("i",), ("i", "k")

STEPS = [
    Step(5, 19, kind="definition"),
    Step(9, 15, kind="definition"),
    Step(
        13,
        35,
        indices=I,
        lhs=lambda v, n, i: dH(v, i),
        rhs=lambda v, n, i: -sum(Y(v, k) * dlog(v, k, i) for k in range(1, n + 1)),
    ),
    Step(
        17,
        51,
        indices=I,
        lhs=lambda v, n, i: dlog(v, i, i),
        rhs=lambda v, n, i: 1 / s(v, i) * s(v, i) * (1 - s(v, i)),
    ),
    Step(
        17,
        117,
        indices=I,
        lhs=lambda v, n, i: 1 / s(v, i) * s(v, i) * (1 - s(v, i)),
        rhs=lambda v, n, i: 1 - s(v, i),
    ),
    Step(
        21,
        51,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: dlog(v, k, i),
        rhs=lambda v, n, i, k: 1 / s(v, k) * -s(v, k) * s(v, i),
    ),
    Step(
        21,
        112,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: 1 / s(v, k) * -s(v, k) * s(v, i),
        rhs=lambda v, n, i, k: -s(v, i),
    ),
    Step(
        25,
        35,
        indices=I,
        lhs=lambda v, n, i: dH(v, i),
        rhs=lambda v, n, i: -Y(v, i) * (1 - s(v, i)),
        note="keeps only the term k = i: wrong when the label of class i is 0",
    ),
    Step(
        25,
        59,
        indices=I,
        lhs=lambda v, n, i: -Y(v, i) * (1 - s(v, i)),
        rhs=lambda v, n, i: s(v, i) - Y(v, i),
        note="assumes Y_i = 1",
    ),
    Step(
        29,
        35,
        indices=I,
        lhs=lambda v, n, i: dH(v, i),
        rhs=lambda v, n, i: (
            -Y(v, i) * (1 - s(v, i)) + sum(Y(v, k) * s(v, i) for k in range(1, n + 1) if k != i)
        ),
    ),
    Step(
        29,
        93,
        indices=I,
        lhs=lambda v, n, i: (
            -Y(v, i) * (1 - s(v, i)) + sum(Y(v, k) * s(v, i) for k in range(1, n + 1) if k != i)
        ),
        rhs=lambda v, n, i: s(v, i) * sum(v.Y) - Y(v, i),
    ),
    Step(
        29,
        132,
        indices=I,
        lhs=lambda v, n, i: s(v, i) * sum(v.Y) - Y(v, i),
        rhs=lambda v, n, i: s(v, i) - Y(v, i),
    ),
]
