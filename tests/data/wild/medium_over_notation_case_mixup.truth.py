import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(o=reals(rng, n))


def y(v, i):
    return softmax(v.o)[i - 1]


def dy(v, i, j):
    return d(lambda o: softmax(o)[i - 1], v.o, j)


def E(v, k):
    return mp.exp(v.o[k - 1])


def S(v):
    return sum(mp.exp(t) for t in v.o)


IJ = ("i", "j")
EXAMPLE = [mp.mpf(0), mp.mpf(0)]

STEPS = [
    Step(7, 13, kind="definition"),
    Step(
        15,
        43,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (0 * S(v) - E(v, i) * E(v, j)) / S(v) ** 2,
    ),
    Step(
        17,
        3,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 * S(v) - E(v, i) * E(v, j)) / S(v) ** 2,
        rhs=lambda v, n, i, j: -E(v, i) / S(v) * E(v, j) / S(v),
    ),
    Step(
        17,
        86,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -E(v, i) / S(v) * E(v, j) / S(v),
        rhs=lambda v, n, i, j: y(v, i) * (1 - y(v, j)),
        note="the i = j result written under the i != j heading; should be -y_i y_j",
    ),
    Step(
        23,
        43,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (E(v, i) * S(v) - E(v, i) * E(v, j)) / S(v) ** 2,
    ),
    Step(
        23,
        148,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: (E(v, i) * S(v) - E(v, i) * E(v, j)) / S(v) ** 2,
        rhs=lambda v, n, i, j: y(v, i) * (1 - y(v, j)),
    ),
    # the numeric check: K = 2, o = (0, 0)
    Step(
        29,
        43,
        lhs=lambda v, n: d(lambda o: softmax(o)[0], EXAMPLE, 1),
        rhs=lambda v, n: mp.mpf("0.5") * (1 - mp.mpf("0.5")),
        note="at the stated example K = 2, o_1 = o_2 = 0",
    ),
    Step(
        29,
        65,
        lhs=lambda v, n: mp.mpf("0.5") * (1 - mp.mpf("0.5")),
        rhs=lambda v, n: mp.mpf("0.25"),
    ),
]
