import mpmath as mp
from truth import Point, Step, reals, softmax

# f(x_j) is entry j of the softmax of x (\exp^{x_j} is e^{x_j}). Planted: the off-diagonal
# product loses the minus sign of its numerator.


def sample(rng, n):
    return Point(x=reals(rng, n))


def total(v):
    return sum(mp.exp(a) for a in v.x)


def f(v, k):
    return softmax(v.x)[k - 1]


def jacobian(v, i, j):
    return f(v, j) * ((1 if i == j else 0) - f(v, i))


IJ = ("i", "j")

STEPS = [
    Step(3, 11, kind="definition"),
    Step(
        7,
        42,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: jacobian(v, i, j),
        rhs=lambda v, n, i, j: (
            (mp.exp(v.x[i - 1]) * total(v) - mp.exp(v.x[j - 1]) * mp.exp(v.x[i - 1]))
            / total(v) ** 2
        ),
    ),
    Step(
        7,
        133,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: (
            (mp.exp(v.x[i - 1]) * total(v) - mp.exp(v.x[j - 1]) * mp.exp(v.x[i - 1]))
            / total(v) ** 2
        ),
        rhs=lambda v, n, i, j: mp.exp(v.x[i - 1]) / total(v) * (1 - mp.exp(v.x[j - 1]) / total(v)),
    ),
    Step(
        11,
        42,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: jacobian(v, i, j),
        rhs=lambda v, n, i, j: (0 - mp.exp(v.x[j - 1]) * mp.exp(v.x[i - 1])) / total(v) ** 2,
    ),
    Step(
        11,
        106,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 - mp.exp(v.x[j - 1]) * mp.exp(v.x[i - 1])) / total(v) ** 2,
        rhs=lambda v, n, i, j: mp.exp(v.x[j - 1]) / total(v) * mp.exp(v.x[i - 1]) / total(v),
        note="planted: the minus sign dropped",
    ),
]
