import mpmath as mp
from truth import Point, Step, d, distribution, reals, softmax
from truth_linalg import dmat, matmul, matrix

# o = W x with W square (N = D), so that every index of the document ranges over 1..N.


def sample(rng, n):
    # stated: y is a probability vector, sum_k y_k = 1
    return Point(W=matrix(rng, n, n), x=reals(rng, n), y=distribution(rng, n))


def logits(W, x):
    return [row[0] for row in matmul(W, [[t] for t in x])]


def L_of_o(v, o):
    return -sum(yk * mp.log(pk) for yk, pk in zip(v.y, softmax(o), strict=True))


def o(v):
    return logits(v.W, v.x)


def p(v):
    return softmax(o(v))


def dp(v, k, i):
    return d(lambda t: softmax(t)[k - 1], o(v), i)


def line1(v, n, i):
    return -sum(v.y[k - 1] / p(v)[k - 1] * dp(v, k, i) for k in range(1, n + 1))


def line2(v, n, i):
    q, y = p(v), v.y
    rest = sum(y[k - 1] / q[k - 1] * q[k - 1] * q[i - 1] for k in range(1, n + 1) if k != i)
    return -y[i - 1] / q[i - 1] * q[i - 1] * (1 - q[i - 1]) + rest


def line3(v, n, i):
    q, y = p(v), v.y
    return (
        -y[i - 1]
        + y[i - 1] * q[i - 1]
        + q[i - 1] * sum(y[k - 1] for k in range(1, n + 1) if k != i)
    )


def line4(v, n, i):
    q, y = p(v), v.y
    return -y[i - 1] + q[i - 1] * sum(y[k - 1] for k in range(1, n + 1) if k != i)


def line5(v, n, i):
    return p(v)[i - 1] - v.y[i - 1]


def dW(v, i, j):
    return dmat(lambda W: L_of_o(v, logits(W, v.x)), v.W, i, j)


VEC = ("i",)

STEPS = [
    Step(9, 22, kind="hypothesis"),
    Step(20, 6, indices=VEC, lhs=lambda v, n, i: d(lambda t: L_of_o(v, t), o(v), i), rhs=line1),
    Step(21, 6, indices=VEC, lhs=line1, rhs=line2),
    Step(22, 6, indices=VEC, lhs=line2, rhs=line3),
    Step(
        23,
        6,
        indices=VEC,
        lhs=line3,
        rhs=line4,
        note="y_i p_i dropped: the sum should now run over every k, not k != i",
    ),
    Step(
        24,
        6,
        indices=VEC,
        lhs=line4,
        rhs=line5,
        note="p_i sum_{k != i} y_k - y_i is not p_i - y_i",
    ),
    Step(
        28,
        25,
        indices=VEC,
        lhs=lambda v, n, i: d(lambda t: L_of_o(v, t), o(v), i),
        rhs=line5,
    ),
    Step(
        33,
        38,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dW(v, i, j),
        rhs=lambda v, n, i, j: (p(v)[i - 1] - v.y[i - 1]) * v.x[j - 1],
    ),
    Step(
        35,
        33,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dW(v, i, j),
        rhs=lambda v, n, i, j: matmul(
            [[t] for t in [a - b for a, b in zip(p(v), v.y, strict=True)]], [v.x]
        )[i - 1][j - 1],
    ),
]
