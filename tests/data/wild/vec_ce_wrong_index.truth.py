import mpmath as mp
from truth import Point, Step, d, reals, softmax
from truth_linalg import dmat, matmul, matrix, transpose

# Three classes throughout, true class 2.
SIZES = (3,)
Y = [mp.mpf(0), mp.mpf(1), mp.mpf(0)]


def sample(rng, n):
    W = matrix(rng, 3, 3)
    x = reals(rng, 3)
    o = [row[0] for row in matmul(transpose(W), [[t] for t in x])]
    return Point(W=W, x=x, o=o)


def p(v):
    return softmax(v.o)


def L(o):
    return -sum(yk * mp.log(pk) for yk, pk in zip(Y, softmax(o), strict=True))


def E(v):
    return sum(mp.exp(t) for t in v.o)


def L_of_W(v, W):
    o = [row[0] for row in matmul(transpose(W), [[t] for t in v.x])]
    return L(o)


def written_gradient(v):
    """The stacked vector as the document writes it: the -1 sits in entry 1."""
    p1, p2, p3 = p(v)
    return [p1 - 1, p2, p3]


K = ("k",)

STEPS = [
    Step(7, 18, kind="definition"),
    Step(13, 5, kind="definition"),
    Step(
        13,
        36,
        lhs=lambda v, n: L(v.o),
        rhs=lambda v, n: -mp.log(p(v)[1]),
    ),
    Step(
        13,
        48,
        lhs=lambda v, n: -mp.log(p(v)[1]),
        rhs=lambda v, n: -v.o[1] + mp.log(E(v)),
    ),
    Step(20, 35, lhs=lambda v, n: d(L, v.o, 1), rhs=lambda v, n: mp.exp(v.o[0]) / E(v)),
    Step(20, 81, lhs=lambda v, n: mp.exp(v.o[0]) / E(v), rhs=lambda v, n: p(v)[0]),
    Step(22, 35, lhs=lambda v, n: d(L, v.o, 2), rhs=lambda v, n: -1 + mp.exp(v.o[1]) / E(v)),
    Step(22, 86, lhs=lambda v, n: -1 + mp.exp(v.o[1]) / E(v), rhs=lambda v, n: p(v)[1] - 1),
    Step(24, 35, lhs=lambda v, n: d(L, v.o, 3), rhs=lambda v, n: mp.exp(v.o[2]) / E(v)),
    Step(24, 81, lhs=lambda v, n: mp.exp(v.o[2]) / E(v), rhs=lambda v, n: p(v)[2]),
    Step(
        30,
        22,
        indices=K,
        lhs=lambda v, n, k: d(L, v.o, k),
        rhs=lambda v, n, k: written_gradient(v)[k - 1],
        note="the -1 placed at index 1, the true class is 2",
    ),
    Step(
        30,
        76,
        indices=K,
        lhs=lambda v, n, k: written_gradient(v)[k - 1],
        rhs=lambda v, n, k: p(v)[k - 1] - Y[k - 1],
        note="p - y has its -1 at index 2",
    ),
    Step(
        39,
        38,
        indices=("d_", "k"),
        lhs=lambda v, n, d_, k: dmat(lambda W: L_of_W(v, W), v.W, d_, k),
        rhs=lambda v, n, d_, k: v.x[d_ - 1] * d(L, v.o, k),
    ),
    Step(
        39,
        76,
        indices=("d_", "k"),
        lhs=lambda v, n, d_, k: v.x[d_ - 1] * d(L, v.o, k),
        rhs=lambda v, n, d_, k: v.x[d_ - 1] * (p(v)[k - 1] - Y[k - 1]),
    ),
    Step(
        43,
        33,
        indices=("d_", "k"),
        lhs=lambda v, n, d_, k: dmat(lambda W: L_of_W(v, W), v.W, d_, k),
        rhs=lambda v, n, d_, k: v.x[d_ - 1] * (p(v)[k - 1] - Y[k - 1]),
    ),
]
