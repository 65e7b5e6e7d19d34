import mpmath as mp
from truth import Point, Step, d, reals, softmax

# a notebook: \sum\limits_{k=1}^{C}, cases announced as "$i ={j}$" and "$i \ne{j}$" (braced
# right side); planted: the minus sign of the off-diagonal entry dropped in the last display


def sample(rng, n):
    return Point(a=reals(rng, n))


def p(v, i):
    return softmax(v.a)[i - 1]


def dp(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def total(v):
    return sum(mp.exp(t) for t in v.a)


IJ = ("i", "j")

STEPS = [
    Step(6, 11, kind="definition"),
    Step(
        12,
        45,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        18,
        45,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (0 - mp.exp(v.a[i - 1]) * mp.exp(v.a[j - 1])) / total(v) ** 2,
    ),
    Step(
        22,
        45,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
        note="planted: the minus sign dropped",
    ),
]
