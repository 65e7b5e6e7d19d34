from truth import Step, d
from truth_linalg import affine_logits as logits
from truth_linalg import dmat, matmul, regression_gradients, softmax_rows, sub, transpose
from truth_linalg import mean_cross_entropy as loss_of_Z
from truth_linalg import regression_sample as sample  # noqa: F401 (the labeller's sampler)

# M = D = K = n: every size the post names ranges over 1..n.


def Z(v):
    return logits(v.X, v.W, v.b)


def dZ(v):
    """∂L/∂Z entry by entry, by central differences of the loss as a function of Z."""
    n = len(v.X)
    return [
        [dmat(lambda A: loss_of_Z(v.Y, A), Z(v), m, k) for k in range(1, n + 1)]
        for m in range(1, n + 1)
    ]


def dW(v, r, c):
    return regression_gradients(v)[1](r, c)


def db(v, k):
    return d(lambda b: loss_of_Z(v.Y, logits(v.X, v.W, b)), v.b, k)


def PmY(v):
    return sub(softmax_rows(Z(v)), v.Y)


RC = ("r", "c")

STEPS = [
    Step(12, 5, kind="definition"),
    Step(14, 5, kind="definition"),
    Step(18, 5, kind="definition"),
    Step(
        23,
        33,
        indices=RC,
        lhs=lambda v, n, r, c: dZ(v)[r - 1][c - 1],
        rhs=lambda v, n, r, c: PmY(v)[r - 1][c - 1] / n,
    ),
    Step(
        27,
        33,
        indices=RC,
        lhs=lambda v, n, r, c: dW(v, r, c),
        rhs=lambda v, n, r, c: matmul(transpose(v.X), dZ(v))[r - 1][c - 1],
    ),
    Step(
        27,
        72,
        indices=RC,
        lhs=lambda v, n, r, c: matmul(transpose(v.X), dZ(v))[r - 1][c - 1],
        rhs=lambda v, n, r, c: matmul(transpose(v.X), PmY(v))[r - 1][c - 1] / n,
    ),
    Step(
        31,
        42,
        indices=("k",),
        lhs=lambda v, n, k: db(v, k),
        rhs=lambda v, n, k: sum(PmY(v)[m][k - 1] for m in range(n)) / n,
    ),
]
