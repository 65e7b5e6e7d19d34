import mpmath as mp
from truth import Point, Step, d, dscalar, positives, reals, sigmoid, softmax

# inline $…$ steps in list items and after a lead word ("Therefore,", "First:");
# f(u) = 1/u, g(x) = 1 + e^{-x}; p = softmax(z), L = -sum_k y_k log p_k


def sample(rng, n):
    return Point(
        x=mp.mpf(rng.uniform(-2, 2)),
        u=mp.mpf(rng.uniform(0.5, 3)),
        z=reals(rng, n),
        y=positives(rng, n),
    )


def p(v, k):
    return softmax(v.z)[k - 1]


def dp(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def ds(v, n):
    return dscalar(sigmoid, v.x)


def row(v, n, i):
    return sum(dp(v, i, j) for j in range(1, n + 1))


def column(v, n, j):
    return sum(dp(v, i, j) for i in range(1, n + 1))


STEPS = [
    Step(7, 10, lhs=lambda v, n: dscalar(lambda u: 1 / u, v.u), rhs=lambda v, n: -(v.u**-2)),
    Step(7, 20, lhs=lambda v, n: -(v.u**-2), rhs=lambda v, n: -1 / v.u**2),
    Step(
        8,
        10,
        lhs=lambda v, n: dscalar(lambda x: 1 + mp.exp(-x), v.x),
        rhs=lambda v, n: dscalar(lambda x: 1 + mp.exp(-x), v.x),
    ),
    Step(
        8,
        37,
        lhs=lambda v, n: dscalar(lambda x: 1 + mp.exp(-x), v.x),
        rhs=lambda v, n: -mp.exp(-v.x),
    ),
    Step(
        12,
        22,
        lhs=ds,
        rhs=lambda v, n: -1 / (1 + mp.exp(-v.x)) ** 2 * (-mp.exp(-v.x)),
    ),
    Step(
        12,
        66,
        lhs=lambda v, n: -1 / (1 + mp.exp(-v.x)) ** 2 * (-mp.exp(-v.x)),
        rhs=lambda v, n: mp.exp(-v.x) / (1 + mp.exp(-v.x)) ** 2,
    ),
    Step(14, 32, lhs=ds, rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x))),
    Step(16, 30, kind="definition"),
    Step(
        18,
        37,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * ((1 if i == j else 0) - p(v, j)),
    ),
    Step(
        22,
        55,
        indices=("i",),
        lhs=row,
        rhs=lambda v, n, i: p(v, i) - p(v, i) * sum(softmax(v.z)),
    ),
    Step(
        22,
        78,
        indices=("i",),
        lhs=lambda v, n, i: p(v, i) - p(v, i) * sum(softmax(v.z)),
        rhs=lambda v, n, i: 0,
    ),
    Step(
        23,
        58,
        indices=("j",),
        lhs=column,
        rhs=lambda v, n, j: p(v, j) - p(v, j) * sum(softmax(v.z)),
    ),
    Step(
        23,
        81,
        indices=("j",),
        lhs=lambda v, n, j: p(v, j) - p(v, j) * sum(softmax(v.z)),
        rhs=lambda v, n, j: p(v, j),
        note="planted: the column sum is 0 as well, not p_j",
    ),
    Step(25, 18, kind="definition"),
    Step(
        27,
        41,
        indices=("i",),
        lhs=lambda v, n, i: d(
            lambda q: -sum(v.y[k] * mp.log(q[k]) for k in range(n)), softmax(v.z), i
        ),
        rhs=lambda v, n, i: -v.y[i - 1] / p(v, i),
    ),
]
