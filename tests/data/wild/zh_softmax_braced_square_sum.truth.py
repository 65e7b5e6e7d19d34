import mpmath as mp
from truth import Point, Step, d, reals, softmax

# A Chinese note on the softmax derivative in the style of real round 84: the quotient rule's
# numerator written with the sum's braces around the whole difference,
# \sum_k{e^{z_k} - (e^{z_i})^2} (the braces do not print: the author means Σ e^{z_k} − e^{2z_i}),
# and a square written on a brace group around parentheses, {(\frac{1}{S})}^2. "$p_i$ 表示第 $i$
# 个类别的概率" ("the probability of the i-th class") gives p_i no value. Planted: the i ≠ j
# case ends in p_i p_j (a dropped minus).


def sample(rng, n):
    return Point(z=reals(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def total(v):
    return sum(mp.e**zk for zk in v.z)


def square(v, i):
    return mp.e ** (2 * v.z[i - 1]) / total(v) ** 2


def dp(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


I = ("i",)
IJ = ("i", "j")
STEPS = [
    Step(6, 5, kind="definition"),
    Step(
        15,
        36,
        indices=I,
        lhs=lambda v, n, i: dp(v, i, i),
        rhs=lambda v, n, i: p(v, i) - square(v, i),
        note="the sum's braces read as not printed: Σ e^{z_k} − e^{2 z_i}",
    ),
    Step(
        16,
        2,
        indices=I,
        lhs=lambda v, n, i: dp(v, i, i),
        rhs=lambda v, n, i: p(v, i) - square(v, i),
    ),
    Step(
        17,
        2,
        indices=I,
        lhs=lambda v, n, i: p(v, i) - square(v, i),
        rhs=lambda v, n, i: p(v, i) - p(v, i) ** 2,
    ),
    Step(
        24,
        35,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: -p(v, i) * p(v, j),
    ),
    Step(
        24,
        118,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -p(v, i) * p(v, j),
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
        note="planted: the minus sign dropped",
    ),
]
