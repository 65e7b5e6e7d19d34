from truth import Point, Step, d, delta, one_hot, reals, softmax

# One example i of a batch, written with the class first and the example last (s_{c,i},
# \hat{y}_{c,i}, y_{c,i}): only column i of the scores matters to every step (the mean loss L of
# the last step too, with its 1/n), so a point is one example's scores. The batch size n of the
# last step is taken as 4 (any n: the step holds for each).
# Planted: the off-diagonal derivative written -\hat{y}_{j,i} \hat{y}_{j,i} (c for j).

BATCH = 4


def sample(rng, n):
    return Point(s=reals(rng, n), y=one_hot(rng, n))


def p(v, c):
    return softmax(v.s)[c - 1]


def loss(v, s):
    return cross_entropy(v, softmax(s))


def cross_entropy(v, q):
    from mpmath import log

    return -sum(t * log(x) for t, x in zip(v.y, q, strict=True))


def dp(v, c, j):
    return d(lambda s: softmax(s)[c - 1], v.s, j)


STEPS = [
    Step(6, 17, kind="definition"),
    Step(11, 10, kind="definition"),
    Step(15, 5, kind="definition"),
    Step(
        21,
        51,
        indices=("c", "j"),
        lhs=lambda v, n, c, j: dp(v, c, j),
        rhs=lambda v, n, c, j: p(v, c) * (delta(c, j) - p(v, j)),
    ),
    Step(
        25,
        51,
        indices=("c",),
        lhs=lambda v, n, c: dp(v, c, c),
        rhs=lambda v, n, c: p(v, c) * (1 - p(v, c)),
    ),
    Step(
        29,
        51,
        indices=("c", "j"),
        case="c != j",
        lhs=lambda v, n, c, j: dp(v, c, j),
        rhs=lambda v, n, c, j: -p(v, j) * p(v, j),
        note="planted: c written as j in the first factor",
    ),
    Step(
        33,
        50,
        indices=("c",),
        lhs=lambda v, n, c: d(lambda q: cross_entropy(v, q), softmax(v.s), c),
        rhs=lambda v, n, c: -v.y[c - 1] / p(v, c),
    ),
    Step(
        35,
        44,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda s: loss(v, s), v.s, j),
        rhs=lambda v, n, j: (
            -sum(v.y[c - 1] / p(v, c) * p(v, c) * (delta(c, j) - p(v, j)) for c in range(1, n + 1))
        ),
    ),
    Step(
        35,
        134,
        indices=("j",),
        lhs=lambda v, n, j: (
            -sum(v.y[c - 1] / p(v, c) * p(v, c) * (delta(c, j) - p(v, j)) for c in range(1, n + 1))
        ),
        rhs=lambda v, n, j: p(v, j) - v.y[j - 1],
    ),
    Step(
        39,
        39,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda s: loss(v, s), v.s, j) / BATCH,
        rhs=lambda v, n, j: (p(v, j) - v.y[j - 1]) / BATCH,
    ),
]
