import mpmath as mp
from truth import Point, Step, d, reals
from truth_linalg import dmat, matmul, matrix, one_hot_rows, softmax_rows, sub, transpose

# M = D = K = n; the objective is the sum over the batch (no 1/M).


def sample(rng, n):
    return Point(
        X=matrix(rng, n, n), W=matrix(rng, n, n), b=reals(rng, n), Y=one_hot_rows(rng, n, n)
    )


def scores(X, W, b):
    return [[t + bk for t, bk in zip(row, b, strict=True)] for row in matmul(X, W)]


def E(Y, S):
    P = softmax_rows(S)
    return -sum(Y[m][k] * mp.log(P[m][k]) for m in range(len(S)) for k in range(len(S[0])))


def Yhat(v):
    return softmax_rows(scores(v.X, v.W, v.b))


def dW(v, r, c):
    return dmat(lambda W: E(v.Y, scores(v.X, W, v.b)), v.W, r, c)


def db(v, k):
    return d(lambda b: E(v.Y, scores(v.X, v.W, b)), v.b, k)


STEPS = [
    Step(9, 15, kind="definition"),
    Step(10, 17, kind="definition"),
    Step(14, 5, kind="definition"),
    Step(
        18,
        25,
        indices=("k",),
        lhs=lambda v, n, k: db(v, k),
        rhs=lambda v, n, k: sum(Yhat(v)[m][k - 1] - v.Y[m][k - 1] for m in range(n)),
    ),
    Step(
        22,
        25,
        indices=("r", "c"),
        lhs=lambda v, n, r, c: dW(v, r, c),
        rhs=lambda v, n, r, c: matmul(transpose(v.X), sub(v.Y, Yhat(v)))[r - 1][c - 1],
        note="Y - Y_hat: the sign of the residual flipped",
    ),
]
