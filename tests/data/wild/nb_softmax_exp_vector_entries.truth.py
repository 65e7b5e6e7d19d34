import mpmath as mp
from truth import Point, Step, d, distribution, reals, softmax


def sample(rng, n):
    # "targets y that sum to one": a distribution over the C entries
    return Point(z=reals(rng, n), y=distribution(rng, n))


def E(v, k):  # \exp(\mathbf{z})_k, the exponential entry by entry
    return mp.exp(v.z[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def s(v, k):
    return softmax(v.z)[k - 1]


def ds(v, j, i):  # d sigma(z)_j / d z_i
    return d(lambda z: softmax(z)[j - 1], v.z, i)


def loss(y, z):
    return -sum(yk * mp.log(pk) for yk, pk in zip(y, softmax(z), strict=True))


IJ = ("i", "j")

STEPS = [
    Step(6, 24, kind="definition"),
    Step(
        13,
        57,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: ds(v, j, i),
        rhs=lambda v, n, i, j: (E(v, j) * Z(v) - E(v, j) ** 2) / Z(v) ** 2,
    ),
    Step(
        16,
        2,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: (E(v, j) * Z(v) - E(v, j) ** 2) / Z(v) ** 2,
        rhs=lambda v, n, i, j: E(v, j) / Z(v) * (1 - E(v, j) / Z(v)),
    ),
    Step(
        18,
        2,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: E(v, j) / Z(v) * (1 - E(v, j) / Z(v)),
        rhs=lambda v, n, i, j: s(v, j) * (1 - s(v, j)),
    ),
    Step(
        26,
        57,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: ds(v, j, i),
        rhs=lambda v, n, i, j: -E(v, j) * E(v, i) / Z(v) ** 2,
    ),
    Step(
        28,
        2,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -E(v, j) * E(v, i) / Z(v) ** 2,
        rhs=lambda v, n, i, j: s(v, j) * s(v, i),
        note="planted: the minus sign of the off-diagonal entry is dropped",
    ),
    Step(
        38,
        33,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: loss(v.y, z), v.z, i),
        rhs=lambda v, n, i: s(v, i) - v.y[i - 1],
    ),
]
