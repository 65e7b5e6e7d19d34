import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # stated: y one-hot, sum_j y_j = 1
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, j):
    return softmax(v.z)[j - 1]


def dp(v, j, i):
    return d(lambda z: softmax(z)[j - 1], v.z, i)


def L(v, z):
    return -sum(yj * mp.log(pj) for yj, pj in zip(v.y, softmax(z), strict=True))


def y(v, j):
    return v.y[j - 1]


def js(n, skip=None):
    return [j for j in range(1, n + 1) if j != skip]


def split(v, n, i):
    return -y(v, i) * (1 - p(v, i)) + sum(y(v, j) * p(v, i) for j in js(n, i))


IDX_I = ("i",)

STEPS = [
    Step(
        9,
        13,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dp(v, j, i),
        rhs=lambda v, n, i, j: p(v, j) * (delta(i, j) - p(v, i)),
    ),
    Step(
        13,
        11,
        indices=IDX_I,
        lhs=lambda v, n, i: d(lambda z: L(v, z), v.z, i),
        rhs=lambda v, n, i: -sum(y(v, j) / p(v, j) * dp(v, j, i) for j in js(n)),
    ),
    Step(
        13,
        46,
        indices=IDX_I,
        lhs=lambda v, n, i: -sum(y(v, j) / p(v, j) * dp(v, j, i) for j in js(n)),
        rhs=lambda v, n, i: -sum(y(v, j) * (delta(i, j) - p(v, i)) for j in js(n)),
    ),
    Step(
        17,
        26,
        indices=IDX_I,
        lhs=lambda v, n, i: -sum(y(v, j) * (delta(i, j) - p(v, i)) for j in js(n)),
        rhs=split,
    ),
    Step(
        21,
        35,
        indices=IDX_I,
        lhs=split,
        rhs=lambda v, n, i: -y(v, i) + p(v, i) * sum(y(v, j) for j in js(n, i)),
        note="wrong range: the y_i p_i term is dropped, the sum should run over all j",
    ),
    Step(
        29,
        35,
        indices=IDX_I,
        lhs=split,
        rhs=lambda v, n, i: -y(v, i) + p(v, i) * sum(y(v, j) for j in js(n)),
    ),
    Step(
        29,
        56,
        indices=IDX_I,
        lhs=lambda v, n, i: -y(v, i) + p(v, i) * sum(y(v, j) for j in js(n)),
        rhs=lambda v, n, i: p(v, i) - y(v, i),
    ),
]
