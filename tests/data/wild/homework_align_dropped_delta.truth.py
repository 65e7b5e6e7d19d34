import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax
from truth_linalg import dmat, matmul, matrix


def sample(rng, n):
    # K = n classes, D = n features; stated: y one-hot
    W = matrix(rng, n, n)
    x = reals(rng, n)
    return Point(W=W, x=x, y=one_hot(rng, n))


def z_of(W, x):
    return [row[0] for row in matmul(W, [[t] for t in x])]


def yh(v, i):
    return softmax(z_of(v.W, v.x))[i - 1]


def J(v, z):
    return -sum(yi * mp.log(p) for yi, p in zip(v.y, softmax(z), strict=True))


def dJ(v, j):
    return d(lambda z: J(v, z), z_of(v.W, v.x), j)


def dyh(v, i, j):
    return d(lambda z: softmax(z)[i - 1], z_of(v.W, v.x), j)


def ii(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


JM = ("j", "m")

STEPS = [
    Step(9, 15, kind="definition"),
    *chain(
        [(20, 34), (21, 2), (22, 2), (23, 2)],
        [
            lambda v, n, j: dJ(v, j),
            lambda v, n, j: -sum(v.y[i - 1] / yh(v, i) * dyh(v, i, j) for i in ii(n)),
            lambda v, n, j: -sum(v.y[i - 1] * (delta(i, j) - yh(v, j)) for i in ii(n)),
            lambda v, n, j: -sum(v.y[i - 1] * (1 - yh(v, j)) for i in ii(n)),
            lambda v, n, j: yh(v, j) - 1,
        ],
        indices=("j",),
    ),
    Step(
        28,
        36,
        indices=JM,
        lhs=lambda v, n, j, m: dmat(lambda W: J(v, z_of(W, v.x)), v.W, j, m),
        rhs=lambda v, n, j, m: dJ(v, j) * v.x[m - 1],
    ),
    Step(
        28,
        76,
        indices=JM,
        lhs=lambda v, n, j, m: dJ(v, j) * v.x[m - 1],
        rhs=lambda v, n, j, m: (yh(v, j) - 1) * v.x[m - 1],
        note="carries the dropped delta: should be (yhat_j - y_j) x_m",
    ),
]
