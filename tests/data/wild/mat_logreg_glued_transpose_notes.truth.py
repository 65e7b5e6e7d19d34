import mpmath as mp
from truth import Step, d, sigmoid
from truth_linalg import log_loss, logistic_sample, sigmoid_rows

# course notes: z^(i) = w^T x^(i) + b written glued (\mathbf{w}^T\mathbf{x}^{(i)}), σ defined on
# z^(i), the mean cross-entropy; planted: the per-weight gradient without its 1/n


def sample(rng, n):
    return logistic_sample(rng, n)


def probabilities(X, w, b):
    return sigmoid_rows(X, w, b)


def loss(X, w, b, y):
    p = probabilities(X, w, b)
    return log_loss(p, y) / len(X)


def by_w(v, j):
    return d(lambda w: loss(v.X, w, v.b, v.y), v.w, j)


def by_b(v):
    return d(lambda b: loss(v.X, v.w, b[0], v.y), [v.b], 1)


def residuals(v):
    p = probabilities(v.X, v.w, v.b)
    return [pi - yi for pi, yi in zip(p, v.y, strict=True)]


def z_of(v, i):
    return sum(t * x for t, x in zip(v.w, v.X[i - 1], strict=True)) + v.b


def middle(v, n, i):
    z = z_of(v, i)
    return 1 / (1 + mp.exp(-z)) * (mp.exp(-z) / (1 + mp.exp(-z)))


STEPS = [
    Step(5, 11, kind="definition"),
    Step(7, 11, kind="definition"),
    Step(7, 29, kind="definition"),
    Step(9, 5, kind="definition"),
    Step(
        13,
        45,
        indices=("i",),
        lhs=lambda v, n, i: mp.exp(-z_of(v, i)) / (1 + mp.exp(-z_of(v, i))) ** 2,
        rhs=middle,
    ),
    Step(
        13,
        118,
        indices=("i",),
        lhs=middle,
        rhs=lambda v, n, i: sigmoid(z_of(v, i)) * (1 - sigmoid(z_of(v, i))),
    ),
    Step(
        17,
        35,
        indices=("j",),
        lhs=lambda v, n, j: by_w(v, j),
        rhs=lambda v, n, j: sum(r * row[j - 1] for r, row in zip(residuals(v), v.X, strict=True)),
        note="planted: the 1/n of the mean dropped",
    ),
    Step(21, 33, lhs=lambda v, n: by_b(v), rhs=lambda v, n: sum(residuals(v)) / n),
    Step(
        25,
        25,
        indices=("j",),
        lhs=lambda v, n, j: by_w(v, j),
        rhs=lambda v, n, j: (
            sum(r * row[j - 1] for r, row in zip(residuals(v), v.X, strict=True)) / n
        ),
    ),
]
