import mpmath as mp
from truth import Point, Step
from truth_linalg import dmat, matmul, matrix, one_hot_rows, softmax_rows, sub

# M = D = K = N, so that the product X (Y_hat - Y) the document writes is defined at all
# (in general it is not: X is M x D, Y_hat - Y is M x K, and the gradient must be D x K).


def sample(rng, n):
    return Point(X=matrix(rng, n, n), W=matrix(rng, n, n), Y=one_hot_rows(rng, n, n))


def loss_of_Z(Y, Z):
    P = softmax_rows(Z)
    M = len(Z)
    return -sum(Y[m][k] * mp.log(P[m][k]) for m in range(M) for k in range(len(Z[0]))) / M


def Z(v):
    return matmul(v.X, v.W)


def Yhat(v):
    return softmax_rows(Z(v))


def dZ(v, m, k):
    return dmat(lambda A: loss_of_Z(v.Y, A), Z(v), m, k)


def dW(v, d_, k):
    return dmat(lambda W: loss_of_Z(v.Y, matmul(v.X, W)), v.W, d_, k)


def dZ_dW(v, m, k, d_):
    """∂Z_{mk}/∂W_{dk} of the definition Z = XW."""
    return dmat(lambda W: matmul(v.X, W)[m - 1][k - 1], v.W, d_, k)


MK = ("m", "k")
DK = ("d_", "k")

STEPS = [
    Step(15, 15, kind="definition"),
    Step(16, 17, kind="definition"),
    Step(20, 17, kind="definition"),
    Step(
        28,
        38,
        indices=MK,
        lhs=lambda v, n, m, k: dZ(v, m, k),
        rhs=lambda v, n, m, k: (Yhat(v)[m - 1][k - 1] - v.Y[m - 1][k - 1]) / n,
    ),
    Step(
        34,
        6,
        indices=DK,
        lhs=lambda v, n, d_, k: dW(v, d_, k),
        rhs=lambda v, n, d_, k: sum(dZ(v, m, k) * dZ_dW(v, m, k, d_) for m in range(1, n + 1)),
    ),
    Step(
        35,
        6,
        indices=DK,
        lhs=lambda v, n, d_, k: sum(dZ(v, m, k) * dZ_dW(v, m, k, d_) for m in range(1, n + 1)),
        rhs=lambda v, n, d_, k: (
            sum((Yhat(v)[m][k - 1] - v.Y[m][k - 1]) * v.X[m][d_ - 1] for m in range(n)) / n
        ),
    ),
    Step(
        39,
        42,
        indices=DK,
        lhs=lambda v, n, d_, k: dW(v, d_, k),
        rhs=lambda v, n, d_, k: matmul(v.X, sub(Yhat(v), v.Y))[d_ - 1][k - 1] / n,
        note="X (Y_hat - Y) instead of X^T (Y_hat - Y): dimensionally wrong unless M = D",
    ),
    # K = 2: the document restricts to two classes; the first two scores of row m play them.
    Step(
        48,
        16,
        indices=("m",),
        lhs=lambda v, n, m: softmax_rows([Z(v)[m - 1][:2]])[0][0],
        rhs=lambda v, n, m: (
            mp.exp(Z(v)[m - 1][0]) / (mp.exp(Z(v)[m - 1][0]) + mp.exp(Z(v)[m - 1][1]))
        ),
    ),
    Step(
        48,
        61,
        indices=("m",),
        lhs=lambda v, n, m: (
            mp.exp(Z(v)[m - 1][0]) / (mp.exp(Z(v)[m - 1][0]) + mp.exp(Z(v)[m - 1][1]))
        ),
        rhs=lambda v, n, m: 1 / (1 + mp.exp(-(Z(v)[m - 1][0] - Z(v)[m - 1][1]))),
    ),
]
