from mpmath import exp
from truth import Point, Step, d, delta, reals, softmax

# Each "$$= …$$" goes on from the quantity the sentence before it names (∂ log p_i / ∂o_j, then
# ∂L/∂o_j with L = -log p_c), not from the display above. Planted: the last sign, p_j + δ_cj.


def sample(rng, n):
    return Point(o=reals(rng, n))


def p(v, k):
    return softmax(v.o)[k - 1]


def dp(v, i, j):
    return d(lambda o: softmax(o)[i - 1], v.o, j)


def e(v, k):
    return exp(v.o[k - 1])


def Z(v):
    return sum(e(v, k) for k in range(1, len(v.o) + 1))


IJ = ("i", "j")

STEPS = [
    Step(
        6,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: (delta(i, j) * e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
    ),
    Step(
        6,
        130,
        indices=IJ,
        lhs=lambda v, n, i, j: (delta(i, j) * e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
    ),
    Step(
        10,
        3,
        indices=IJ,
        lhs=lambda v, n, i, j: dp(v, i, j) / p(v, i),
        rhs=lambda v, n, i, j: delta(i, j) - p(v, j),
    ),
    Step(
        14,
        3,
        indices=("c", "j"),
        lhs=lambda v, n, c, j: -dp(v, c, j) / p(v, c),
        rhs=lambda v, n, c, j: p(v, j) + delta(c, j),
    ),
]
