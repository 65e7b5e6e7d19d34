import mpmath as mp
from truth import Point, Step, d, reals, softmax

# A blog-style softmax Jacobian whose cases are said in sentences and beside rows: a list item
# "If $i = j$, then $…$", a sentence "Unless $i = j$," before a display, and a row's
# "\quad \text{unless } i = j". Planted: the off-diagonal item drops its minus sign, and a row
# copies the diagonal formula p_i(1 - p_i) for the entries off the diagonal.


def sample(rng, n):
    return Point(z=reals(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def jac(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def total(v):
    return mp.fsum(mp.exp(x) for x in v.z)


IJ = ("i", "j")
H = "hypothesis"
STEPS = [
    Step(5, 7, kind="definition"),
    Step(9, 9, kind=H),
    Step(
        9,
        55,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, j)),
    ),
    Step(
        10,
        58,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
        note="planted: the minus sign dropped",
    ),
    Step(12, 47, kind=H),
    Step(
        14,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: -mp.exp(v.z[i - 1]) * mp.exp(v.z[j - 1]) / total(v) ** 2,
    ),
    Step(
        14,
        96,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -mp.exp(v.z[i - 1]) * mp.exp(v.z[j - 1]) / total(v) ** 2,
        rhs=lambda v, n, i, j: -p(v, i) * p(v, j),
    ),
    Step(
        18,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: -p(v, i) * p(v, j),
    ),
    Step(18, 71, kind=H),
    Step(
        22,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, i)),
        note="planted: the diagonal formula copied for the entries off the diagonal",
    ),
    Step(22, 75, kind=H),
]
