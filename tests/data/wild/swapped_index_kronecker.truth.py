import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def e(v, k):
    return mp.exp(v.z[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def sig(v, i):
    return softmax(v.z)[i - 1]


def dsig(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


IJ = ("i", "j")

STEPS = [
    Step(5, 12, kind="definition"),
    Step(
        9,
        42,
        indices=IJ,
        lhs=lambda v, n, i, j: dsig(v, i, j),
        rhs=lambda v, n, i, j: (
            (d(lambda z: mp.exp(z[i - 1]), v.z, j) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2
        ),
    ),
    Step(
        13,
        42,
        indices=IJ,
        lhs=lambda v, n, i, j: dsig(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * e(v, i) / Z(v) - e(v, i) / Z(v) * e(v, j) / Z(v),
    ),
    Step(
        13,
        179,
        indices=IJ,
        lhs=lambda v, n, i, j: delta(i, j) * e(v, i) / Z(v) - e(v, i) / Z(v) * e(v, j) / Z(v),
        rhs=lambda v, n, i, j: delta(i, j) * sig(v, i) - sig(v, i) * sig(v, j),
    ),
    Step(
        17,
        42,
        indices=IJ,
        lhs=lambda v, n, i, j: delta(i, j) * sig(v, i) - sig(v, i) * sig(v, j),
        rhs=lambda v, n, i, j: sig(v, i) * (delta(i, j) - sig(v, i)),
        note="swapped index: sigma_i where sigma_j belongs",
    ),
    Step(21, 10, kind="definition", note="J_ij names the partial derivative"),
    Step(
        21,
        51,
        indices=IJ,
        lhs=lambda v, n, i, j: dsig(v, i, j),
        rhs=lambda v, n, i, j: sig(v, i) * (delta(i, j) - sig(v, i)),
        note="carries the swapped index",
    ),
    Step(
        25,
        42,
        indices=("i",),
        lhs=lambda v, n, i: dsig(v, i, i),
        rhs=lambda v, n, i: sig(v, i) * (1 - sig(v, i)),
    ),
    # "for two classes": the entries e^{z_1} + e^{z_2} are the whole denominator, so N = 2 here
    Step(
        29,
        42,
        lhs=lambda v, n: d(lambda z: mp.exp(z[0]) / (mp.exp(z[0]) + mp.exp(z[1])), v.z[:2], 2),
        rhs=lambda v, n: -e(v, 1) * e(v, 2) / (e(v, 1) + e(v, 2)) ** 2,
    ),
    Step(
        29,
        91,
        lhs=lambda v, n: -e(v, 1) * e(v, 2) / (e(v, 1) + e(v, 2)) ** 2,
        rhs=lambda v, n: -softmax(v.z[:2])[0] * softmax(v.z[:2])[1],
    ),
]
