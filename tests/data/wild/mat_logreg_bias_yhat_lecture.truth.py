from truth import Step, d
from truth_linalg import log_loss, logistic_sample, sigmoid_rows

# lecture notes with a bias: yhat^(i) = σ(w^T x^(i) + b), the mean BCE, the weight gradient as a
# sum and as X^T(yhat - y); planted: the bias gradient with y - yhat (its sign flipped)


def sample(rng, n):
    return logistic_sample(rng, n)


def yhat(X, w, b):
    return sigmoid_rows(X, w, b)


def loss(X, w, b, y):
    p = yhat(X, w, b)
    return log_loss(p, y) / len(X)


def by_w(v, j):
    return d(lambda w: loss(v.X, w, v.b, v.y), v.w, j)


def by_b(v):
    return d(lambda b: loss(v.X, v.w, b[0], v.y), [v.b], 1)


def weighted(v, j):
    p = yhat(v.X, v.w, v.b)
    return sum((pi - yi) * row[j - 1] for pi, yi, row in zip(p, v.y, v.X, strict=True)) / len(v.X)


STEPS = [
    Step(5, 17, kind="definition"),
    Step(5, 51, kind="definition"),
    Step(9, 15, kind="definition"),
    Step(
        15, 45, indices=("j",), lhs=lambda v, n, j: by_w(v, j), rhs=lambda v, n, j: weighted(v, j)
    ),
    Step(
        20, 51, indices=("j",), lhs=lambda v, n, j: by_w(v, j), rhs=lambda v, n, j: weighted(v, j)
    ),
    Step(
        21,
        2,
        indices=("j",),
        lhs=lambda v, n, j: weighted(v, j),
        rhs=lambda v, n, j: weighted(v, j),
    ),
    Step(
        26,
        43,
        lhs=lambda v, n: by_b(v),
        rhs=lambda v, n: sum(yi - pi for pi, yi in zip(yhat(v.X, v.w, v.b), v.y, strict=True)) / n,
        note="planted: y - yhat where the gradient is yhat - y",
    ),
]
