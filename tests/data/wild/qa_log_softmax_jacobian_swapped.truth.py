import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    # g: the upstream gradient dL/dl_i, any reals; L is then (locally) sum_i g_i l_i
    return Point(z=reals(rng, n), g=reals(rng, n))


def S(v, j):
    return softmax(v.z)[j - 1]


def ell(z, i):
    return mp.log(softmax(z)[i - 1])


def dl(v, i, j):
    return d(lambda z: ell(z, i), v.z, j)


def lse(z):
    return mp.log(sum(mp.exp(t) for t in z))


def Lcal(v, z):
    return sum(v.g[i] * ell(z, i + 1) for i in range(len(z)))


IJ = ("i", "j")

STEPS = [
    Step(4, 10, kind="definition"),
    Step(
        4,
        21,
        indices=("i",),
        lhs=lambda v, n, i: ell(v.z, i),
        rhs=lambda v, n, i: v.z[i - 1] - lse(v.z),
    ),
    Step(
        6,
        59,
        indices=("j",),
        lhs=lambda v, n, j: d(lse, v.z, j),
        rhs=lambda v, n, j: mp.exp(v.z[j - 1]) / sum(mp.exp(t) for t in v.z),
    ),
    Step(
        6,
        100,
        indices=("j",),
        lhs=lambda v, n, j: mp.exp(v.z[j - 1]) / sum(mp.exp(t) for t in v.z),
        rhs=lambda v, n, j: S(v, j),
    ),
    Step(9, 40, indices=("i",), lhs=lambda v, n, i: dl(v, i, i), rhs=lambda v, n, i: 1 - S(v, i)),
    Step(
        12,
        40,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dl(v, i, j),
        rhs=lambda v, n, i, j: -S(v, i),
        note="swapped index: the entry is -S_j",
    ),
    Step(
        15,
        45,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: Lcal(v, z), v.z, j),
        rhs=lambda v, n, j: sum(v.g[i - 1] * dl(v, i, j) for i in range(1, n + 1)),
    ),
    Step(
        15,
        103,
        indices=("j",),
        lhs=lambda v, n, j: sum(v.g[i - 1] * dl(v, i, j) for i in range(1, n + 1)),
        rhs=lambda v, n, j: v.g[j - 1] - S(v, j) * sum(v.g),
    ),
    Step(
        21,
        40,
        indices=IJ,
        lhs=lambda v, n, i, j: dl(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) - S(v, j),
    ),
]
