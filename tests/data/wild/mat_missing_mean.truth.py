import mpmath as mp
from truth import Point, Step
from truth_linalg import dmat, matmul, matrix, one_hot_rows, softmax_rows, sub, transpose

# M = D = K = n.


def sample(rng, n):
    return Point(X=matrix(rng, n, n), W=matrix(rng, n, n), Y=one_hot_rows(rng, n, n))


def loss_of_Z(Y, Z):
    P = softmax_rows(Z)
    M = len(Z)
    return -sum(Y[m][k] * mp.log(P[m][k]) for m in range(M) for k in range(len(Z[0]))) / M


def dZ(v, r, c):
    return dmat(lambda A: loss_of_Z(v.Y, A), matmul(v.X, v.W), r, c)


def dW(v, r, c):
    return dmat(lambda W: loss_of_Z(v.Y, matmul(v.X, W)), v.W, r, c)


def XtPmY(v):
    return matmul(transpose(v.X), sub(softmax_rows(matmul(v.X, v.W)), v.Y))


RC = ("r", "c")

STEPS = [
    Step(7, 5, kind="definition"),
    Step(9, 5, kind="definition"),
    Step(13, 5, kind="definition"),
    Step(
        17,
        33,
        indices=RC,
        lhs=lambda v, n, r, c: dZ(v, r, c),
        rhs=lambda v, n, r, c: (
            (softmax_rows(matmul(v.X, v.W))[r - 1][c - 1] - v.Y[r - 1][c - 1]) / n
        ),
    ),
    Step(
        21,
        33,
        indices=RC,
        lhs=lambda v, n, r, c: dW(v, r, c),
        rhs=lambda v, n, r, c: XtPmY(v)[r - 1][c - 1],
        note="the 1/M of the mean is dropped",
    ),
    Step(
        28,
        33,
        indices=RC,
        lhs=lambda v, n, r, c: dW(v, r, c),
        rhs=lambda v, n, r, c: XtPmY(v)[r - 1][c - 1] / n,
    ),
]
