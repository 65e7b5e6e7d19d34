import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# a "where S = …" clause inside the first display of the diagonal case; the one-hot labels y_i
# and the class y as an index (p_y) in one line; the sign of the off-diagonal entry planted lost


def sample(rng, n):
    y = one_hot(rng, n)
    return Point(z=reals(rng, n), y=y, c=y.index(1) + 1)


def S(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


def p(v, k):
    return softmax(v.z)[k - 1]


def dp(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def loss(z, y):
    return -sum(t * mp.log(q) for t, q in zip(y, softmax(z)))


IJ = ("i", "j")

STEPS = [
    Step(7, 7, kind="definition"),
    Step(13, 37, indices=("i",), lhs=lambda v, n, i: dp(v, i, i), rhs=lambda v, n, i: dp(v, i, i)),
    Step(13, 123, kind="definition"),
    Step(
        17,
        3,
        indices=("i",),
        lhs=lambda v, n, i: dp(v, i, i),
        rhs=lambda v, n, i: (e(v, i) * S(v) - e(v, i) * e(v, i)) / S(v) ** 2,
    ),
    Step(
        17,
        63,
        indices=("i",),
        lhs=lambda v, n, i: (e(v, i) * S(v) - e(v, i) * e(v, i)) / S(v) ** 2,
        rhs=lambda v, n, i: e(v, i) / S(v) - e(v, i) ** 2 / S(v) ** 2,
    ),
    Step(
        17,
        111,
        indices=("i",),
        lhs=lambda v, n, i: e(v, i) / S(v) - e(v, i) ** 2 / S(v) ** 2,
        rhs=lambda v, n, i: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        21,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: dp(v, i, j),
    ),
    Step(
        21,
        101,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / S(v) ** 2,
    ),
    Step(
        21,
        145,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / S(v) ** 2,
        rhs=lambda v, n, i, j: e(v, i) / S(v) * e(v, j) / S(v),
        note="planted: the minus sign of the off-diagonal entry is lost",
    ),
    Step(27, 15, kind="definition"),
    Step(
        27,
        40,
        lhs=lambda v, n: loss(v.z, v.y),
        rhs=lambda v, n: -mp.log(p(v, v.c)),
        note="y the one-hot labels and, in p_y, the class they mark",
    ),
    Step(
        31,
        45,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(z, v.y), v.z, j),
        rhs=lambda v, n, j: sum(-v.y[i - 1] / p(v, i) * dp(v, i, j) for i in range(1, n + 1)),
    ),
]
