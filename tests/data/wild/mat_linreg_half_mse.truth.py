from truth import Point, Step, d, reals
from truth_linalg import matrix

# linear regression with J = 1/(2m) Σ (θ^T x^(i) - y^(i))^2: the derivative under the sum, one
# squared residual's derivative, and the matrix form; planted: the 1/2 kept in 1/(2m) X^T(Xθ - y)


def sample(rng, n):
    return Point(X=matrix(rng, n, n), th=reals(rng, n), y=reals(rng, n))


def score(th, row):
    return sum(t * x for t, x in zip(th, row, strict=True))


def cost(X, th, y):
    return sum((score(th, row) - yi) ** 2 for row, yi in zip(X, y, strict=True)) / (2 * len(X))


def grad(v, j):
    return d(lambda th: cost(v.X, th, v.y), v.th, j)


def under_sum(v, j):
    """1/(2m) Σ_i ∂/∂θ_j (residual_i)^2, each term by a central difference."""
    terms = [
        d(lambda th, row=row, yi=yi: (score(th, row) - yi) ** 2, v.th, j)
        for row, yi in zip(v.X, v.y, strict=True)
    ]
    return sum(terms) / (2 * len(v.X))


def mean_form(v, j):
    return sum(
        (score(v.th, row) - yi) * row[j - 1] for row, yi in zip(v.X, v.y, strict=True)
    ) / len(v.X)


def one_term(v, i, j):
    row, yi = v.X[i - 1], v.y[i - 1]
    return d(lambda th: (score(th, row) - yi) ** 2, v.th, j)


STEPS = [
    Step(5, 17, kind="definition"),
    Step(7, 13, kind="definition"),
    Step(
        11, 40, indices=("j",), lhs=lambda v, n, j: grad(v, j), rhs=lambda v, n, j: under_sum(v, j)
    ),
    Step(
        11,
        154,
        indices=("j",),
        lhs=lambda v, n, j: under_sum(v, j),
        rhs=lambda v, n, j: mean_form(v, j),
    ),
    Step(
        15,
        87,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: one_term(v, i, j),
        rhs=lambda v, n, i, j: 2 * (score(v.th, v.X[i - 1]) - v.y[i - 1]) * v.X[i - 1][j - 1],
    ),
    Step(
        19,
        21,
        indices=("j",),
        lhs=lambda v, n, j: grad(v, j),
        rhs=lambda v, n, j: mean_form(v, j) / 2,
        note="planted: 1/(2m) X^T(Xθ - y) keeps the 1/2 that the derivative of the square cancels",
    ),
]
