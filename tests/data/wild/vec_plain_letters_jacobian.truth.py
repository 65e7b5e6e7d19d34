import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# Vectors in plain letters (x, y); the written-out Jacobian has dots, its labels run
# 1, 2, ..., n around them, and row 2 writes -y_1 y_n in its last column (the row index slipped).
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
    q = y(v)
    if i == 2 and j == n:
        return -q[0] * q[n - 1]
    return q[i - 1] * (delta(i, j) - q[j - 1])


IK = ("i", "k")
IJ = ("i", "j")

STEPS = [
    Step(5, 8, kind="definition"),
    Step(
        11,
        32,
        indices=IK,
        case="i = k",
        lhs=lambda v, n, i, k: jac(v, i, k),
        rhs=lambda v, n, i, k: (mp.exp(v.x[i - 1]) * E(v) - mp.exp(v.x[i - 1]) ** 2) / E(v) ** 2,
    ),
    Step(
        11,
        103,
        indices=IK,
        case="i = k",
        lhs=lambda v, n, i, k: (mp.exp(v.x[i - 1]) * E(v) - mp.exp(v.x[i - 1]) ** 2) / E(v) ** 2,
        rhs=lambda v, n, i, k: y(v)[i - 1] * (1 - y(v)[i - 1]),
    ),
    Step(
        15,
        32,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: jac(v, i, k),
        rhs=lambda v, n, i, k: -mp.exp(v.x[i - 1]) * mp.exp(v.x[k - 1]) / E(v) ** 2,
    ),
    Step(
        15,
        84,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: -mp.exp(v.x[i - 1]) * mp.exp(v.x[k - 1]) / E(v) ** 2,
        rhs=lambda v, n, i, k: -y(v)[i - 1] * y(v)[k - 1],
    ),
    Step(
        19,
        10,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * y(v)[i - 1] - y(v)[i - 1] * y(v)[j - 1],
    ),
    Step(
        23,
        10,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: written(v, n, i, j),
        note="row 2, last column writes -y_1 y_n: should be -y_2 y_n",
    ),
]
