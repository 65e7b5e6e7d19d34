import mpmath as mp
from truth import Point, Step, d, reals, sigmoid
from truth_linalg import matrix

# One example per column (X is n x m): X (h(X) - y) is the gradient there; planted: the
# residual y - h in the entry-wise form. The transcription takes m = n; column i is example i.


def sample(rng, n):
    return Point(
        X=matrix(rng, n, n), th=reals(rng, n), y=[mp.mpf(rng.randrange(2)) for _ in range(n)]
    )


def column(X, i):
    return [row[i] for row in X]


def h(th, x):
    return sigmoid(sum(t * xi for t, xi in zip(th, x, strict=True)))


def cost(X, th, y):
    m = len(y)
    return (
        -sum(
            y[i] * mp.log(h(th, column(X, i))) + (1 - y[i]) * mp.log(1 - h(th, column(X, i)))
            for i in range(m)
        )
        / m
    )


def grad(v, j):
    return d(lambda th: cost(v.X, th, v.y), v.th, j)


def residual(v):
    return [h(v.th, column(v.X, i)) - v.y[i] for i in range(len(v.y))]


STEPS = [
    Step(5, 15, kind="definition"),
    Step(7, 13, kind="definition"),
    Step(
        11,
        40,
        indices=("j",),
        lhs=lambda v, n, j: grad(v, j),
        rhs=lambda v, n, j: sum(r * v.X[j - 1][i] for i, r in enumerate(residual(v))) / n,
    ),
    Step(
        15,
        19,
        indices=("j",),
        lhs=lambda v, n, j: grad(v, j),
        rhs=lambda v, n, j: sum(v.X[j - 1][i] * r for i, r in enumerate(residual(v))) / n,
    ),
    Step(
        19,
        40,
        indices=("j",),
        lhs=lambda v, n, j: grad(v, j),
        rhs=lambda v, n, j: -sum(r * v.X[j - 1][i] for i, r in enumerate(residual(v))) / n,
    ),
]
