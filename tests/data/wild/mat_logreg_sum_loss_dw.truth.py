import mpmath as mp
from truth import Step, d
from truth_linalg import log_loss, logistic_sample, sigmoid_rows

# a blog post that sums (does not average) the log-losses and differentiates by the weight vector
# with d/dw; planted: the matrix form quoted with a 1/n the summed loss does not have


def sample(rng, n):
    return logistic_sample(rng, n, bias=False)


def probabilities(X, w):
    return sigmoid_rows(X, w)


def loss(X, w, y):
    p = probabilities(X, w)
    return log_loss(p, y)


def by_w(v, j):
    return d(lambda w: loss(v.X, w, v.y), v.w, j)


def summed(v, j, factor):
    p = probabilities(v.X, v.w)
    return factor(v) * sum((pi - yi) * row[j - 1] for pi, yi, row in zip(p, v.y, v.X, strict=True))


def expanded(v, j):
    p = probabilities(v.X, v.w)
    return -sum(
        (yi * (1 - pi) - (1 - yi) * pi) * row[j - 1]
        for pi, yi, row in zip(p, v.y, v.X, strict=True)
    )


STEPS = [
    Step(6, 9, kind="definition"),
    Step(6, 60, kind="definition"),
    Step(6, 78, kind="definition"),
    Step(10, 3, kind="definition"),
    Step(17, 25, indices=("j",), lhs=lambda v, n, j: by_w(v, j), rhs=lambda v, n, j: by_w(v, j)),
    Step(18, 2, indices=("j",), lhs=lambda v, n, j: by_w(v, j), rhs=lambda v, n, j: expanded(v, j)),
    Step(
        19,
        2,
        indices=("j",),
        lhs=lambda v, n, j: expanded(v, j),
        rhs=lambda v, n, j: summed(v, j, lambda v: 1),
    ),
    Step(
        26,
        24,
        indices=("j",),
        lhs=lambda v, n, j: by_w(v, j),
        rhs=lambda v, n, j: summed(v, j, lambda v: mp.mpf(1) / len(v.X)),
        note="planted: 1/n with a summed loss",
    ),
]
