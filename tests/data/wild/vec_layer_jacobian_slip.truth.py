import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# The Jacobian is written with dots; the labels run 1, 2, ..., n-1, n around them.
SIZES = (3, 4)


def sample(rng, n):
    return Point(x=reals(rng, n))


def y(v):
    return softmax(v.x)


def E(v):
    return sum(mp.exp(t) for t in v.x)


def jac(v, i, k):
    return d(lambda x: softmax(x)[i - 1], v.x, k)


def written(v, n, i, j):
    """The matrix as written: the pattern y_i(δ_ij - y_j), except row 2, column n, which
    writes -y_1 y_n (the row index slipped)."""
    q = y(v)
    if i == 2 and j == n:
        return -q[0] * q[n - 1]
    return q[i - 1] * (delta(i, j) - q[j - 1])


def diag_minus_outer(v, i, j):
    q = y(v)
    return delta(i, j) * q[i - 1] - q[i - 1] * q[j - 1]


IK = ("i", "k")
IJ = ("i", "j")

STEPS = [
    Step(6, 11, kind="definition"),
    Step(
        13,
        32,
        indices=IK,
        case="i = k",
        lhs=lambda v, n, i, k: jac(v, i, k),
        rhs=lambda v, n, i, k: (mp.exp(v.x[i - 1]) * E(v) - mp.exp(v.x[i - 1]) ** 2) / E(v) ** 2,
    ),
    Step(
        13,
        110,
        indices=IK,
        case="i = k",
        lhs=lambda v, n, i, k: (mp.exp(v.x[i - 1]) * E(v) - mp.exp(v.x[i - 1]) ** 2) / E(v) ** 2,
        rhs=lambda v, n, i, k: y(v)[i - 1] * (1 - y(v)[i - 1]),
    ),
    Step(
        17,
        32,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: jac(v, i, k),
        rhs=lambda v, n, i, k: -mp.exp(v.x[i - 1]) * mp.exp(v.x[k - 1]) / E(v) ** 2,
    ),
    Step(
        17,
        86,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: -mp.exp(v.x[i - 1]) * mp.exp(v.x[k - 1]) / E(v) ** 2,
        rhs=lambda v, n, i, k: -y(v)[i - 1] * y(v)[k - 1],
    ),
    Step(
        21,
        50,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: written(v, n, i, j),
        note="row 2, column n written -y_1 y_n instead of -y_2 y_n",
    ),
    Step(
        21,
        242,
        indices=IJ,
        lhs=lambda v, n, i, j: written(v, n, i, j),
        rhs=lambda v, n, i, j: diag_minus_outer(v, i, j),
        note="the written matrix (row 2, column n) is not diag(y) - yy^T",
    ),
]
