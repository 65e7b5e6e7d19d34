import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# a Q&A answer: the cross-entropy gradient through the softmax as Σ_j y_j (p_i - δ_ij), then
# "Suppose the true class is c. Since y is one-hot …" and the reduction to p_i - δ_ic over
# displays that start with "=". The true class c is an index here and y its one-hot vector
# (y_j = δ_jc), so the case i ≠ c can be stated. Planted: for a wrong class the gradient
# written p_c - δ_ic (it is p_i - δ_ic); the next step, = p_c, follows from the slipped one.


def sample(rng, n):
    return Point(a=reals(rng, n))


def y(n, c):
    return [mp.mpf(delta(j, c)) for j in range(1, n + 1)]


def p(v, i):
    return softmax(v.a)[i - 1]


def loss(a, t):
    return -sum(tj * mp.log(q) for tj, q in zip(t, softmax(a), strict=True))


def dL(v, n, i, c):
    return d(lambda a: loss(a, y(n, c)), v.a, i)


def dp(v, j, i):
    return d(lambda a: softmax(a)[j - 1], v.a, i)


def ysum(n, c, term):
    return sum(y(n, c)[j - 1] * term(j) for j in range(1, n + 1))


IC = ("i", "c")


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(4, 50, kind="definition"),
    Step(6, 5, kind="definition"),
    Step(
        8,
        67,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dp(v, j, i),
        rhs=lambda v, n, i, j: p(v, j) * (delta(i, j) - p(v, i)),
    ),
    *chain(
        [(10, 35), (10, 95), (10, 129)],
        [
            lambda v, n, i, c: dL(v, n, i, c),
            lambda v, n, i, c: -ysum(n, c, lambda j: dp(v, j, i) / p(v, j)),
            lambda v, n, i, c: -ysum(n, c, lambda j: delta(i, j) - p(v, i)),
            lambda v, n, i, c: ysum(n, c, lambda j: p(v, i) - delta(i, j)),
        ],
        indices=IC,
    ),
    Step(13, 22, kind="hypothesis", note="y_j = 0 for every j other than the true class"),
    *chain(
        [(15, 35), (15, 61), (19, 3), (21, 3)],
        [
            lambda v, n, i, c: dL(v, n, i, c),
            lambda v, n, i, c: y(n, c)[c - 1] * (p(v, i) - delta(i, c)),
            lambda v, n, i, c: y(n, c)[c - 1] * p(v, i) - y(n, c)[c - 1] * delta(i, c),
            lambda v, n, i, c: p(v, i) - y(n, c)[c - 1] * delta(i, c),
            lambda v, n, i, c: p(v, i) - delta(i, c),
        ],
        indices=IC,
    ),
    Step(17, 14, kind="hypothesis", note="the one-hot entry of the true class"),
    Step(
        24,
        47,
        indices=IC,
        case="i != c",
        lhs=lambda v, n, i, c: dL(v, n, i, c),
        rhs=lambda v, n, i, c: p(v, c) - delta(i, c),
        note="planted: p_c for p_i",
    ),
    Step(
        24,
        67,
        indices=IC,
        case="i != c",
        lhs=lambda v, n, i, c: p(v, c) - delta(i, c),
        rhs=lambda v, n, i, c: p(v, c),
    ),
    Step(
        25,
        40,
        indices=("c",),
        lhs=lambda v, n, c: dL(v, n, c, c),
        rhs=lambda v, n, c: p(v, c) - 1,
    ),
    Step(28, 53, kind="hypothesis"),
    *chain(
        [(30, 34), (30, 76)],
        [
            lambda v, n, i, c: ysum(n, c, lambda j: p(v, i) - delta(i, j)),
            lambda v, n, i, c: (
                p(v, i) * ysum(n, c, lambda j: 1) - ysum(n, c, lambda j: delta(i, j))
            ),
            lambda v, n, i, c: p(v, i) - y(n, c)[i - 1],
        ],
        indices=IC,
    ),
    Step(
        32,
        50,
        indices=IC,
        lhs=lambda v, n, i, c: dL(v, n, i, c),
        rhs=lambda v, n, i, c: p(v, i) - y(n, c)[i - 1],
        note="the vector p - y, entry by entry",
    ),
]
