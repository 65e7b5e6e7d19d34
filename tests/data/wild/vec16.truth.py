from truth import Step
from truth_linalg import affine_logits as logits
from truth_linalg import matmul, regression_gradients, softmax_rows, sub, transpose
from truth_linalg import regression_sample as sample  # noqa: F401 (the labeller's sampler)

# m = D = K = N: every index the document uses ranges over 1..N (the labels are one-hot rows).


def Z(v):
    return logits(v.X, v.W, v.b)


def Yhat(v):
    return softmax_rows(Z(v))


def G(v, i, k):
    """∂J/∂Z_{ik}, a central difference of the cost as a function of Z."""
    return regression_gradients(v)[0](i, k)


def dW(v, d_, k):
    return regression_gradients(v)[1](d_, k)


def db(v, k):
    return regression_gradients(v)[2](k)


def residual(v):
    return sub(Yhat(v), v.Y)


def GZ(v, n):
    return [[G(v, i, c) for c in range(1, n + 1)] for i in range(1, n + 1)]


IK = ("i", "k")
DK = ("d_", "k")

STEPS = [
    Step(7, 11, kind="definition"),
    Step(7, 52, kind="definition"),
    Step(11, 5, kind="definition"),
    Step(
        17,
        38,
        indices=IK,
        lhs=lambda v, n, i, k: G(v, i, k),
        rhs=lambda v, n, i, k: residual(v)[i - 1][k - 1] / n,
    ),
    Step(
        19,
        33,
        indices=IK,
        lhs=lambda v, n, i, k: G(v, i, k),
        rhs=lambda v, n, i, k: residual(v)[i - 1][k - 1] / n,
    ),
    Step(
        23,
        14,
        indices=DK,
        lhs=lambda v, n, d_, k: dW(v, d_, k),
        rhs=lambda v, n, d_, k: matmul(transpose(v.X), GZ(v, n))[d_ - 1][k - 1],
    ),
    Step(
        23,
        53,
        indices=DK,
        lhs=lambda v, n, d_, k: matmul(transpose(v.X), GZ(v, n))[d_ - 1][k - 1],
        rhs=lambda v, n, d_, k: matmul(transpose(v.X), residual(v))[d_ - 1][k - 1] / n,
    ),
    Step(  # planted: the residual written label minus prediction (the sign of the gradient)
        27,
        38,
        indices=DK,
        lhs=lambda v, n, d_, k: dW(v, d_, k),
        rhs=lambda v, n, d_, k: (
            sum(v.X[i][d_ - 1] * (v.Y[i][k - 1] - Yhat(v)[i][k - 1]) for i in range(n)) / n
        ),
    ),
    Step(  # planted: the 1/m of the average dropped
        31,
        14,
        indices=("k",),
        lhs=lambda v, n, k: db(v, k),
        rhs=lambda v, n, k: matmul(transpose(residual(v)), [[1] for _ in range(n)])[k - 1][0],
    ),
]
