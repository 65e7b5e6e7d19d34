import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    # f: the scores; the correct class y_i is the index c (an integer class label)
    return Point(f=reals(rng, n))


def p(v, k):
    return softmax(v.f)[k - 1]


def L(f, c):
    return -mp.log(mp.exp(f[c - 1]) / sum(mp.exp(t) for t in f))


def dL(v, c, k):
    return d(lambda f: L(f, c), v.f, k)


def S(v):
    return sum(mp.exp(t) for t in v.f)


KC = ("k", "c")
EXAMPLE = [mp.mpf(0), mp.log(3)]

STEPS = [
    Step(9, 7, kind="definition"),
    Step(14, 7, kind="definition"),
    Step(
        16, 7, indices=("c",), lhs=lambda v, n, c: L(v.f, c), rhs=lambda v, n, c: -mp.log(p(v, c))
    ),
    Step(
        16,
        23,
        indices=("c",),
        lhs=lambda v, n, c: -mp.log(p(v, c)),
        rhs=lambda v, n, c: -v.f[c - 1] + mp.log(S(v)),
    ),
    Step(
        19,
        37,
        indices=KC,
        case="k = c",
        lhs=lambda v, n, k, c: dL(v, c, k),
        rhs=lambda v, n, k, c: -1 + mp.exp(v.f[k - 1]) / S(v),
    ),
    Step(
        19,
        83,
        indices=KC,
        case="k = c",
        lhs=lambda v, n, k, c: -1 + mp.exp(v.f[k - 1]) / S(v),
        rhs=lambda v, n, k, c: p(v, k) - 1,
    ),
    Step(
        22,
        37,
        indices=KC,
        case="k != c",
        lhs=lambda v, n, k, c: dL(v, c, k),
        rhs=lambda v, n, k, c: mp.exp(v.f[k - 1]) / S(v),
    ),
    Step(
        22,
        78,
        indices=KC,
        case="k != c",
        lhs=lambda v, n, k, c: mp.exp(v.f[k - 1]) / S(v),
        rhs=lambda v, n, k, c: p(v, k),
    ),
    Step(
        26,
        35,
        indices=KC,
        lhs=lambda v, n, k, c: dL(v, c, k),
        rhs=lambda v, n, k, c: p(v, k) - delta(k, c),
    ),
    # the worked example: C = 2, f = (0, ln 3), correct class 1
    Step(
        31,
        7,
        lhs=lambda v, n: softmax(EXAMPLE)[0],
        rhs=lambda v, n: 1 / mp.mpf(1 + 3),
        note="p_1 at the stated example f_1 = 0, f_2 = ln 3",
    ),
    Step(31, 25, lhs=lambda v, n: 1 / mp.mpf(1 + 3), rhs=lambda v, n: mp.mpf(1) / 4),
    Step(
        31,
        81,
        lhs=lambda v, n: d(lambda f: L(f, 1), EXAMPLE, 1),
        rhs=lambda v, n: mp.mpf(1) / 4 - 1,
    ),
    Step(31, 99, lhs=lambda v, n: mp.mpf(1) / 4 - 1, rhs=lambda v, n: -mp.mpf(3) / 4),
]
