import mpmath as mp
from truth import Step, d, sigmoid
from truth_linalg import log_loss, logistic_sample

# a vectorised logistic-regression post with the bias folded in (\tilde{w}, \tilde{x}^{(i)}),
# the mean cross-entropy J_MCE, a per-sample loss L^{(i)} and d/dw; planted: the residual of the
# per-sample sum written y - p (the matrix form after it keeps p - y)


def sample(rng, n):
    return logistic_sample(rng, n, bias=False)


def scores(X, w):
    return [sum(t * x for t, x in zip(w, row, strict=True)) for row in X]


def mean_ce(X, w, y):
    p = [sigmoid(z) for z in scores(X, w)]
    return log_loss(p, y) / len(X)


def by_w(v, j):
    return d(lambda w: mean_ce(v.X, w, v.y), v.w, j)


def residual_sum(v, j, sign):
    p = [sigmoid(z) for z in scores(v.X, v.w)]
    return (
        sign
        * sum((pi - yi) * row[j - 1] for pi, yi, row in zip(p, v.y, v.X, strict=True))
        / len(v.X)
    )


def z_of(v, i):
    return scores(v.X, v.w)[i - 1]


STEPS = [
    Step(6, 9, kind="definition"),
    Step(10, 9, kind="definition"),
    Step(10, 27, kind="definition"),
    Step(16, 9, kind="definition"),
    Step(23, 22, kind="definition"),
    Step(24, 40, indices=("j",), lhs=lambda v, n, j: by_w(v, j), rhs=lambda v, n, j: by_w(v, j)),
    Step(25, 2, indices=("j",), lhs=lambda v, n, j: by_w(v, j), rhs=lambda v, n, j: by_w(v, j)),
    Step(
        33,
        44,
        indices=("i",),
        lhs=lambda v, n, i: mp.exp(-z_of(v, i)) / (1 + mp.exp(-z_of(v, i))) ** 2,
        rhs=lambda v, n, i: -1 / (1 + mp.exp(-z_of(v, i))) ** 2 * -mp.exp(-z_of(v, i)),
    ),
    Step(
        34,
        2,
        indices=("i",),
        lhs=lambda v, n, i: -1 / (1 + mp.exp(-z_of(v, i))) ** 2 * -mp.exp(-z_of(v, i)),
        rhs=lambda v, n, i: sigmoid(z_of(v, i)) * (1 - sigmoid(z_of(v, i))),
    ),
    Step(
        42,
        40,
        indices=("j",),
        lhs=lambda v, n, j: by_w(v, j),
        rhs=lambda v, n, j: residual_sum(v, j, -1),
        note="planted: y - p where the gradient of the mean cross-entropy has p - y",
    ),
    Step(
        43,
        37,
        indices=("j",),
        lhs=lambda v, n, j: by_w(v, j),
        rhs=lambda v, n, j: residual_sum(v, j, 1),
    ),
]
