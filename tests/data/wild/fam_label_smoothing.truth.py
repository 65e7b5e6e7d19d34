import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# The true class c is an index: y_k = delta(k, c) (the document's one-hot label).


def sample(rng, n):
    # stated: epsilon in [0, 1)
    return Point(z=reals(rng, n), eps=mp.mpf(rng.uniform(0, 0.99)))


def y(k, c):
    return delta(k, c)


def yls(v, n, k, c):
    """The document's definition of the smoothed target."""
    return (1 - v.eps) * y(k, c) + v.eps / n


def L(v, n, c, z):
    p = softmax(z)
    return -sum(yls(v, n, k, c) * mp.log(p[k - 1]) for k in range(1, n + 1))


def p(v):
    return softmax(v.z)


KC = ("k", "c")

STEPS = [
    Step(12, 12, kind="definition"),
    Step(
        16,
        12,
        indices=KC,
        case="k = c",
        lhs=lambda v, n, k, c: yls(v, n, k, c),
        rhs=lambda v, n, k, c: 1 - v.eps + v.eps / n,
    ),
    Step(
        18,
        12,
        indices=KC,
        case="k != c",
        lhs=lambda v, n, k, c: yls(v, n, k, c),
        rhs=lambda v, n, k, c: v.eps / n,
    ),
    Step(
        22,
        27,
        indices=("c",),
        lhs=lambda v, n, c: sum(yls(v, n, k, c) for k in range(1, n + 1)),
        rhs=lambda v, n, c: (1 - v.eps) * sum(y(k, c) for k in range(1, n + 1)) + n * (v.eps / n),
    ),
    Step(
        22,
        92,
        indices=("c",),
        lhs=lambda v, n, c: (1 - v.eps) * sum(y(k, c) for k in range(1, n + 1)) + n * (v.eps / n),
        rhs=lambda v, n, c: (1 - v.eps) + v.eps,
    ),
    Step(22, 120, lhs=lambda v, n: (1 - v.eps) + v.eps, rhs=lambda v, n: 1),
    Step(29, 5, kind="definition"),
    Step(
        29,
        41,
        indices=("c",),
        lhs=lambda v, n, c: L(v, n, c, v.z),
        rhs=lambda v, n, c: (
            (1 - v.eps) * (-mp.log(p(v)[c - 1])) + v.eps * (-sum(mp.log(t) for t in p(v)) / n)
        ),
    ),
    Step(
        36,
        35,
        indices=KC,
        lhs=lambda v, n, k, c: d(lambda z: L(v, n, c, z), v.z, k),
        rhs=lambda v, n, k, c: p(v)[k - 1] - yls(v, n, k, c),
    ),
    Step(
        36,
        52,
        indices=KC,
        lhs=lambda v, n, k, c: p(v)[k - 1] - yls(v, n, k, c),
        rhs=lambda v, n, k, c: p(v)[k - 1] - (1 - v.eps) * y(k, c) - v.eps / n,
    ),
    Step(
        40,
        25,
        indices=KC,
        lhs=lambda v, n, k, c: d(lambda z: L(v, n, c, z), v.z, k),
        rhs=lambda v, n, k, c: p(v)[k - 1] - yls(v, n, k, c),
    ),
    Step(
        40,
        60,
        indices=KC,
        lhs=lambda v, n, k, c: p(v)[k - 1] - yls(v, n, k, c),
        rhs=lambda v, n, k, c: p(v)[k - 1] - (1 - v.eps) * y(k, c) - v.eps / n,
    ),
]
