import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(a=reals(rng, n))


def e(v, k):
    return mp.exp(v.a[k - 1])


def Sig(v):  # the bare \sum the asker writes: the partition sum
    return sum(mp.exp(t) for t in v.a)


def S(v, i):
    return softmax(v.a)[i - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(5, 7, kind="definition"),
    Step(7, 47, kind="definition", note="g(x) of the quotient rule"),
    Step(7, 68, kind="definition", note="h(x) of the quotient rule"),
    # the diagonal, i = j: written with a_i only
    Step(
        12,
        37,
        indices=I,
        lhs=lambda v, n, i: dS(v, i, i),
        rhs=lambda v, n, i: (e(v, i) * Sig(v) - e(v, i) * e(v, i)) / Sig(v) ** 2,
    ),
    Step(
        12,
        97,
        indices=I,
        lhs=lambda v, n, i: (e(v, i) * Sig(v) - e(v, i) * e(v, i)) / Sig(v) ** 2,
        rhs=lambda v, n, i: e(v, i) / Sig(v) - e(v, i) / Sig(v) * e(v, i) / Sig(v),
    ),
    Step(
        12,
        168,
        indices=I,
        lhs=lambda v, n, i: e(v, i) / Sig(v) - e(v, i) / Sig(v) * e(v, i) / Sig(v),
        rhs=lambda v, n, i: S(v, i) * (1 - S(v, i)),
    ),
    # the off-diagonal, i != j: the asker's slip writes e^{a_i} twice in the numerator
    Step(
        16,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: (0 * Sig(v) - e(v, i) * e(v, i)) / Sig(v) ** 2,
        note="planted: e^{a_i} e^{a_i} for e^{a_i} e^{a_j}",
    ),
    Step(
        16,
        92,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 * Sig(v) - e(v, i) * e(v, i)) / Sig(v) ** 2,
        rhs=lambda v, n, i, j: -S(v, i) * S(v, i),
    ),
]
