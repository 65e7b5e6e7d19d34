import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid


def sample(rng, n):
    return Point(w=reals(rng, n), x=reals(rng, n), z=reals(rng, n))


def g(v, i):
    return sigmoid(v.w[i - 1] * v.x[i - 1])


def dw(f, v, i):
    """d/dw_i of f(t), t the weight w_i put in a_i = w_i x_i."""
    return dscalar(lambda t: f(t * v.x[i - 1]), v.w[i - 1])


def Z(v):
    return sum(mp.exp(u) for u in v.z)


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(
        9,
        41,
        indices=I,
        lhs=lambda v, n, i: dw(sigmoid, v, i),
        rhs=lambda v, n, i: g(v, i) * (1 - g(v, i)) * v.x[i - 1],
    ),
    Step(
        9,
        98,
        indices=I,
        lhs=lambda v, n, i: g(v, i) * (1 - g(v, i)) * v.x[i - 1],
        rhs=lambda v, n, i: g(v, i) * (1 - g(v, i)) * v.x[i - 1],
    ),
    Step(
        13,
        45,
        indices=I,
        lhs=lambda v, n, i: dw(lambda a: mp.log(sigmoid(a)), v, i),
        rhs=lambda v, n, i: dw(sigmoid, v, i) / g(v, i),
    ),
    Step(
        13,
        101,
        indices=I,
        lhs=lambda v, n, i: dw(sigmoid, v, i) / g(v, i),
        rhs=lambda v, n, i: (1 - g(v, i)) * v.x[i - 1],
    ),
    Step(
        15,
        49,
        indices=I,
        lhs=lambda v, n, i: dw(lambda a: mp.log(1 - sigmoid(a)), v, i),
        rhs=lambda v, n, i: -dw(sigmoid, v, i) / (1 - g(v, i)),
    ),
    # the sign slip the text points out: -g(a_i) x_i, written g(a_i) x_i
    Step(
        15,
        110,
        indices=I,
        lhs=lambda v, n, i: -dw(sigmoid, v, i) / (1 - g(v, i)),
        rhs=lambda v, n, i: g(v, i) * v.x[i - 1],
    ),
    Step(
        23,
        59,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: mp.log(sum(mp.exp(u) for u in z)), v.z, j),
        rhs=lambda v, n, j: d(lambda z: sum(mp.exp(u) for u in z), v.z, j) / Z(v),
    ),
    Step(
        23,
        143,
        indices=("j",),
        rhs=lambda v, n, j: mp.exp(v.z[j - 1]) / Z(v),
        lhs=lambda v, n, j: d(lambda z: sum(mp.exp(u) for u in z), v.z, j) / Z(v),
    ),
    # d/dz_j of z_i is delta_ij, not 1
    Step(
        27,
        47,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: z[i - 1], v.z, j),
        rhs=lambda v, n, i, j: mp.mpf(1),
    ),
]
