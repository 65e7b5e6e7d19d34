import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# y = softmax(z), a column: entry i of the written-out column is e^{z_i} / sum_k e^{z_k}. The
# "typo" multiplies by the sum and negates the exponents: wrong. The indicator 1{i=j} is the
# Kronecker delta; delta_ij y_i = delta_ij y_j, so the second form holds; the last one factors
# out y_j and is wrong for i != j.


def sample(rng, n):
    return Point(z=reals(rng, n))


def y(v, i):
    return softmax(v.z)[i - 1]


def total(v):
    return sum(mp.exp(x) for x in v.z)


def jac(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


IJ = ("i", "j")
STEPS = [
    Step(6, 5, kind="definition"),
    Step(
        10,
        12,
        indices=("i",),
        lhs=lambda v, n, i: y(v, i),
        rhs=lambda v, n, i: mp.exp(v.z[i - 1]) / total(v),
    ),
    Step(
        16,
        12,
        indices=("i",),
        lhs=lambda v, n, i: y(v, i),
        rhs=lambda v, n, i: total(v) * mp.exp(-v.z[i - 1]),
    ),
    Step(
        22,
        35,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * y(v, i) - y(v, i) * y(v, j),
    ),
    Step(
        28,
        35,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * y(v, j) - y(v, i) * y(v, j),
    ),
    Step(
        34,
        35,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: y(v, i) * (delta(i, j) - y(v, j)),
    ),
    Step(
        40,
        35,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: y(v, j) * (delta(i, j) - y(v, j)),
    ),
]
