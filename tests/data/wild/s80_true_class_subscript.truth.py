import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# A one-page blog post: softmax, then "For a **one-hot** vector $\mathbf{y}$ …" and the loss
# written -log(p_{\text{true class}}), with the gradient at the true class and at "any other
# class". The true class is an index c here and y its one-hot vector (y_k = δ_kc), so the case
# j ≠ c can be stated. Planted: for another class the product -1/p_c · (-p_c p_j) is simplified
# to -p_j (it is +p_j). The vector result p - y on the last line is correct.


def sample(rng, n):
    return Point(z=reals(rng, n))


def y(n, c):
    return [mp.mpf(delta(k, c)) for k in range(1, n + 1)]


def p(v, i):
    return softmax(v.z)[i - 1]


def loss(z, t):
    return -sum(tk * mp.log(q) for tk, q in zip(t, softmax(z), strict=True))


def dL(v, n, i, c):
    return d(lambda z: loss(z, y(n, c)), v.z, i)


def dp(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


JC = ("j", "c")

STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        9,
        15,
        indices=("c",),
        lhs=lambda v, n, c: loss(v.z, y(n, c)),
        rhs=lambda v, n, c: -mp.log(p(v, c)),
        note="the one-hot cross-entropy keeps the term of the true class",
    ),
    Step(
        13,
        37,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
    ),
    Step(
        17,
        63,
        indices=("c",),
        lhs=lambda v, n, c: dL(v, n, c, c),
        rhs=lambda v, n, c: -1 / p(v, c) * p(v, c) * (1 - p(v, c)),
    ),
    Step(
        17,
        153,
        indices=("c",),
        lhs=lambda v, n, c: -1 / p(v, c) * p(v, c) * (1 - p(v, c)),
        rhs=lambda v, n, c: p(v, c) - 1,
    ),
    Step(
        21,
        45,
        indices=JC,
        case="j != c",
        lhs=lambda v, n, j, c: dL(v, n, j, c),
        rhs=lambda v, n, j, c: -1 / p(v, c) * (-p(v, c) * p(v, j)),
    ),
    Step(
        21,
        128,
        indices=JC,
        case="j != c",
        lhs=lambda v, n, j, c: -1 / p(v, c) * (-p(v, c) * p(v, j)),
        rhs=lambda v, n, j, c: -p(v, j),
        note="planted: the two minus signs cancel, the result is +p_j",
    ),
    Step(
        25,
        52,
        indices=("i", "c"),
        lhs=lambda v, n, i, c: dL(v, n, i, c),
        rhs=lambda v, n, i, c: p(v, i) - y(n, c)[i - 1],
        note="the vector p - y, entry by entry",
    ),
]
