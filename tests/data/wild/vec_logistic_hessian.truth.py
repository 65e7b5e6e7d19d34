import mpmath as mp
from truth import Point, Step, d, d2, reals, sigmoid
from truth_linalg import matmul, matrix, transpose

# The last display writes the Hessian for D = 2 features: judged at D = N = 2, M = 5 examples.
SIZES = (2,)
M = 5


def sample(rng, n):
    # stated: labels in {0, 1}
    return Point(
        X=matrix(rng, M, n), w=reals(rng, n), y=[mp.mpf(rng.randrange(2)) for _ in range(M)]
    )


def mu_of(v, w):
    return [sigmoid(row[0]) for row in matmul(v.X, [[t] for t in w])]


def J(v, w):
    mu = mu_of(v, w)
    return -sum(v.y[m] * mp.log(mu[m]) + (1 - v.y[m]) * mp.log(1 - mu[m]) for m in range(M)) / M


def mu(v):
    return mu_of(v, v.w)


def s(v):
    return [t * (1 - t) for t in mu(v)]


def grad_sum(v, n, a):
    return sum((mu(v)[m] - v.y[m]) * v.X[m][a - 1] for m in range(M)) / M


def hess_sum(v, n, a, b):
    return sum(s(v)[m] * v.X[m][a - 1] * v.X[m][b - 1] for m in range(M)) / M


def S(v):
    w = s(v)
    return [[w[m] if m == k else 0 for k in range(M)] for m in range(M)]


def written_2x2(v):
    sm, X = s(v), v.X
    a = sum(sm[m] * X[m][0] ** 2 for m in range(M))
    b = sum(sm[m] * X[m][0] * X[m][1] for m in range(M))
    c = sum(sm[m] * X[m][1] * X[m][0] for m in range(M))
    e = sum(sm[m] * X[m][1] ** 2 for m in range(M))
    return [[a / M, b / M], [c / M, e / M]]


AB = ("a", "b")

STEPS = [
    Step(9, 17, kind="definition"),
    Step(
        16,
        25,
        indices=("a",),
        lhs=lambda v, n, a: d(lambda w: J(v, w), v.w, a),
        rhs=grad_sum,
    ),
    Step(
        16,
        83,
        indices=("a",),
        lhs=grad_sum,
        rhs=lambda v, n, a: (
            matmul(transpose(v.X), [[t - y] for t, y in zip(mu(v), v.y, strict=True)])[a - 1][0] / M
        ),
    ),
    Step(
        23,
        27,
        indices=AB,
        lhs=lambda v, n, a, b: d2(lambda w: J(v, w), v.w, a, b),
        rhs=hess_sum,
    ),
    Step(
        23,
        107,
        indices=AB,
        lhs=hess_sum,
        rhs=lambda v, n, a, b: matmul(matmul(transpose(v.X), S(v)), v.X)[a - 1][b - 1] / M,
    ),
    Step(27, 5, kind="definition"),
    Step(
        36,
        27,
        indices=AB,
        lhs=lambda v, n, a, b: d2(lambda w: J(v, w), v.w, a, b),
        rhs=lambda v, n, a, b: written_2x2(v)[a - 1][b - 1],
    ),
]
