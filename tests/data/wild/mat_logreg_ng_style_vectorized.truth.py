import mpmath as mp
from truth import Point, Step, d, reals, sigmoid
from truth_linalg import matrix, transpose

# Andrew-Ng style notes: h = g(θ^T x), the mean cross-entropy J(θ), the gradient by θ_j as a sum
# over the samples and vectorised; planted: X where X^T belongs (m = n in the transcription)


def sample(rng, n):
    return Point(
        X=matrix(rng, n, n), th=reals(rng, n), y=[mp.mpf(rng.randrange(2)) for _ in range(n)]
    )


def h(th, row):
    return sigmoid(sum(t * x for t, x in zip(th, row, strict=True)))


def cost(X, th, y):
    m = len(X)
    return (
        -sum(
            yi * mp.log(h(th, row)) + (1 - yi) * mp.log(1 - h(th, row))
            for row, yi in zip(X, y, strict=True)
        )
        / m
    )


def grad(v, j):
    return d(lambda th: cost(v.X, th, v.y), v.th, j)


def residual(v):
    return [h(v.th, row) - yi for row, yi in zip(v.X, v.y, strict=True)]


def times(A, r, j):
    return sum(A[j - 1][i] * r[i] for i in range(len(r)))


STEPS = [
    Step(7, 15, kind="definition"),
    Step(11, 8, kind="definition"),
    Step(15, 13, kind="definition"),
    Step(
        19,
        48,
        indices=("j",),
        lhs=lambda v, n, j: grad(v, j),
        rhs=lambda v, n, j: (
            sum(r * row[j - 1] for r, row in zip(residual(v), v.X, strict=True)) / n
        ),
    ),
    Step(
        23,
        27,
        indices=("j",),
        lhs=lambda v, n, j: grad(v, j),
        rhs=lambda v, n, j: times(transpose(v.X), residual(v), j) / n,
    ),
    Step(
        27,
        27,
        indices=("j",),
        lhs=lambda v, n, j: grad(v, j),
        rhs=lambda v, n, j: times(v.X, residual(v), j) / n,
        note="planted: X for X^T",
    ),
]
