import mpmath as mp
from truth import Point, Step, d, reals, sigmoid
from truth_linalg import matrix

# lecture notes with a bias: yhat^(i) = σ(w^T x^(i) + b), the mean BCE, the weight gradient as a
# sum and as X^T(yhat - y); planted: the bias gradient with y - yhat (its sign flipped)


def sample(rng, n):
    return Point(
        X=matrix(rng, n, n),
        w=reals(rng, n),
        b=mp.mpf(rng.uniform(-1, 1)),
        y=[mp.mpf(rng.randrange(2)) for _ in range(n)],
    )


def yhat(X, w, b):
    return [sigmoid(sum(t * x for t, x in zip(w, row, strict=True)) + b) for row in X]


def loss(X, w, b, y):
    p = yhat(X, w, b)
    return -sum(
        yi * mp.log(pi) + (1 - yi) * mp.log(1 - pi) for pi, yi in zip(p, y, strict=True)
    ) / len(X)


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
