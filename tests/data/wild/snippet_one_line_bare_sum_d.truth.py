import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# a snippet, one formula per line: bare sums over d, the cases said once before two lines each,
# one-hot said as "exactly one of the t_i s is 1"; planted: the off-diagonal's minus sign dropped


def sample(rng, n):
    return Point(x=reals(rng, n), t=one_hot(rng, n))


def q(v, i):
    return softmax(v.x)[i - 1]


def total(v):
    return sum(mp.exp(s) for s in v.x)


def e(v, k):
    return mp.exp(v.x[k - 1])


def dq(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def loss(x, t):
    return -sum(tk * mp.log(pk) for tk, pk in zip(t, softmax(x), strict=True))


IJ = ("i", "j")

STEPS = [
    Step(3, 10, kind="definition"),
    Step(3, 81, kind="definition"),
    Step(
        5,
        39,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda x: loss(x, v.t), v.x, j),
        rhs=lambda v, n, j: -sum(v.t[i - 1] / q(v, i) * dq(v, i, j) for i in range(1, n + 1)),
    ),
    Step(
        9,
        20,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dq(v, i, j),
        rhs=lambda v, n, i, j: (e(v, i) * total(v) - e(v, i) * e(v, i)) / total(v) ** 2,
    ),
    Step(
        11,
        20,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dq(v, i, j),
        rhs=lambda v, n, i, j: q(v, i) * (1 - q(v, i)),
    ),
    Step(
        15,
        20,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dq(v, i, j),
        rhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / total(v) ** 2,
    ),
    Step(
        17,
        20,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dq(v, i, j),
        rhs=lambda v, n, i, j: q(v, i) * q(v, j),
        note="planted: the minus sign dropped",
    ),
    Step(
        21,
        18,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda x: loss(x, v.t), v.x, j),
        rhs=lambda v, n, j: q(v, j) - v.t[j - 1],
    ),
]
