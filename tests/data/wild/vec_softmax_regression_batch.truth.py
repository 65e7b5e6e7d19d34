from truth import Step
from truth_linalg import affine_logits as logits
from truth_linalg import matmul, regression_gradients, softmax_rows, sub, transpose
from truth_linalg import regression_sample as sample  # noqa: F401 (the labeller's sampler)

# M = D = K = N: every index the document uses ranges over 1..N.


def logit_matrix(v):
    return logits(v.X, v.W, v.b)


def P(v):
    return softmax_rows(logit_matrix(v))


def G(v, m, k):
    """∂L/∂O_{mk} by a central difference of the loss as a function of O."""
    return regression_gradients(v)[0](m, k)


def dW(v, d_, k):
    return regression_gradients(v)[1](d_, k)


def db(v, k):
    return regression_gradients(v)[2](k)


def PmY(v):
    return sub(P(v), v.Y)


MK = ("m", "k")
DK = ("d_", "k")

STEPS = [
    Step(12, 5, kind="definition"),
    Step(14, 10, kind="definition"),
    Step(16, 5, kind="definition"),
    Step(
        23,
        38,
        indices=MK,
        lhs=lambda v, n, m, k: G(v, m, k),
        rhs=lambda v, n, m, k: (P(v)[m - 1][k - 1] - v.Y[m - 1][k - 1]) / n,
    ),
    Step(
        27,
        33,
        indices=MK,
        lhs=lambda v, n, m, k: G(v, m, k),
        rhs=lambda v, n, m, k: PmY(v)[m - 1][k - 1] / n,
    ),
    Step(
        34,
        38,
        indices=DK,
        lhs=lambda v, n, d_, k: dW(v, d_, k),
        rhs=lambda v, n, d_, k: sum(G(v, m, k) * v.X[m - 1][d_ - 1] for m in range(1, n + 1)),
    ),
    Step(
        34,
        97,
        indices=DK,
        lhs=lambda v, n, d_, k: sum(G(v, m, k) * v.X[m - 1][d_ - 1] for m in range(1, n + 1)),
        rhs=lambda v, n, d_, k: (
            sum(v.X[m][d_ - 1] * (P(v)[m][k - 1] - v.Y[m][k - 1]) for m in range(n)) / n
        ),
    ),
    Step(
        39,
        33,
        indices=DK,
        lhs=lambda v, n, d_, k: dW(v, d_, k),
        rhs=lambda v, n, d_, k: matmul(
            transpose(v.X), [[G(v, m, c) for c in range(1, n + 1)] for m in range(1, n + 1)]
        )[d_ - 1][k - 1],
    ),
    Step(
        39,
        72,
        indices=DK,
        lhs=lambda v, n, d_, k: matmul(
            transpose(v.X), [[G(v, m, c) for c in range(1, n + 1)] for m in range(1, n + 1)]
        )[d_ - 1][k - 1],
        rhs=lambda v, n, d_, k: matmul(transpose(v.X), PmY(v))[d_ - 1][k - 1] / n,
    ),
    Step(
        48,
        42,
        indices=("k",),
        lhs=lambda v, n, k: db(v, k),
        rhs=lambda v, n, k: sum(G(v, m, k) for m in range(1, n + 1)),
    ),
    Step(
        48,
        103,
        indices=("k",),
        lhs=lambda v, n, k: sum(G(v, m, k) for m in range(1, n + 1)),
        rhs=lambda v, n, k: matmul(transpose(PmY(v)), [[1] for _ in range(n)])[k - 1][0] / n,
    ),
]
