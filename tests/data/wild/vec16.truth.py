import mpmath as mp
from truth import Point, Step, d, reals
from truth_linalg import dmat, matmul, matrix, one_hot_rows, softmax_rows, sub, transpose

# m = D = K = N: every index the document uses ranges over 1..N (the labels are one-hot rows).


def sample(rng, n):
    return Point(
        X=matrix(rng, n, n), W=matrix(rng, n, n), b=reals(rng, n), Y=one_hot_rows(rng, n, n)
    )


def logits(X, W, b):
    return [[t + bk for t, bk in zip(row, b, strict=True)] for row in matmul(X, W)]


def cost_of_Z(Y, A):
    P = softmax_rows(A)
    m = len(A)
    return -sum(Y[i][k] * mp.log(P[i][k]) for i in range(m) for k in range(len(A[0]))) / m


def Z(v):
    return logits(v.X, v.W, v.b)


def Yhat(v):
    return softmax_rows(Z(v))


def G(v, i, k):
    """∂J/∂Z_{ik}, a central difference of the cost as a function of Z."""
    return dmat(lambda A: cost_of_Z(v.Y, A), Z(v), i, k)


def dW(v, d_, k):
    return dmat(lambda W: cost_of_Z(v.Y, logits(v.X, W, v.b)), v.W, d_, k)


def db(v, k):
    return d(lambda b: cost_of_Z(v.Y, logits(v.X, v.W, b)), v.b, k)


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
