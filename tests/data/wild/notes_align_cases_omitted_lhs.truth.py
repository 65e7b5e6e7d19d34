import mpmath as mp
from truth import Point, Step, d, reals, softmax

# The aligned "result first" block is a cases list written with the left side omitted: row 2
# means dS_i/da_j = -S_i S_j for i != j (not S_i(1 - S_j) = -S_i S_j).
# The upstream loss L is any function of S: g_i = dL/dS_i. Sampled as a random smooth function.


def sample(rng, n):
    return Point(a=reals(rng, n), w=reals(rng, n))


def S(v, i):
    return softmax(v.a)[i - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def L_of_S(v, s):
    return sum(v.w[k] * s[k] ** 2 for k in range(len(s))) + s[0] * s[-1]


def g(v, i):
    return d(lambda s: L_of_S(v, s), softmax(v.a), i)


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def ea(v, i):
    return mp.exp(v.a[i - 1])


IJ = ("i", "j")
rng_ = lambda n: range(1, n + 1)

STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        14,
        36,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
    ),
    Step(
        15,
        2,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: -S(v, i) * S(v, j),
        note="row of a cases list with the left side omitted",
    ),
    Step(
        26,
        37,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: (ea(v, i) * Z(v) - ea(v, i) * ea(v, j)) / Z(v) ** 2,
    ),
    Step(
        26,
        133,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: (ea(v, i) * Z(v) - ea(v, i) * ea(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: S(v, i) - S(v, i) * S(v, j),
    ),
    Step(
        26,
        149,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: S(v, i) - S(v, i) * S(v, j),
        rhs=lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
    ),
    Step(
        30,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: (0 - ea(v, i) * ea(v, j)) / Z(v) ** 2,
    ),
    Step(
        30,
        105,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 - ea(v, i) * ea(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: S(v, i) * S(v, j),
        note="planted: the minus sign is lost",
    ),
    Step(
        39,
        34,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda a: L_of_S(v, softmax(a)), v.a, j),
        rhs=lambda v, n, j: sum(g(v, i) * dS(v, i, j) for i in rng_(n)),
    ),
    Step(
        40,
        2,
        indices=("j",),
        lhs=lambda v, n, j: sum(g(v, i) * dS(v, i, j) for i in rng_(n)),
        rhs=lambda v, n, j: g(v, j) * S(v, j) - S(v, j) * sum(g(v, i) * S(v, i) for i in rng_(n)),
    ),
    Step(
        41,
        2,
        indices=("j",),
        lhs=lambda v, n, j: g(v, j) * S(v, j) - S(v, j) * sum(g(v, i) * S(v, i) for i in rng_(n)),
        rhs=lambda v, n, j: S(v, j) * (g(v, j) - sum(g(v, i) * S(v, i) for i in rng_(n))),
    ),
]
