import mpmath as mp
from truth import Point, Step, d, reals, softmax

# K = n classes, true class c (any of them), smoothing epsilon in (0, 1). Planted: the last
# display spreads epsilon over K - 1 classes where the definition spreads it over K.


def sample(rng, n):
    return Point(z=reals(rng, n), c=rng.randrange(1, n + 1), eps=mp.mpf(rng.uniform(0.01, 0.99)))


def delta(i, j):
    return 1 if i == j else 0


def yls(v, n, k):
    return (1 - v.eps) * delta(k, v.c) + v.eps / n


def loss(v, n, z):
    return -sum(yls(v, n, k) * mp.log(softmax(z)[k - 1]) for k in range(1, n + 1))


I = ("i",)

STEPS = [
    Step(3, 28, kind="definition"),
    Step(5, 19, kind="definition"),
    Step(
        9,
        32,
        lhs=lambda v, n: sum(yls(v, n, k) for k in range(1, n + 1)),
        rhs=lambda v, n: (1 - v.eps) + n * v.eps / n,
    ),
    Step(9, 78, lhs=lambda v, n: (1 - v.eps) + n * v.eps / n, rhs=lambda v, n: 1),
    Step(11, 38, kind="definition"),
    Step(
        13,
        57,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: loss(v, n, z), v.z, i),
        rhs=lambda v, n, i: (
            softmax(v.z)[i - 1] * sum(yls(v, n, k) for k in range(1, n + 1)) - yls(v, n, i)
        ),
    ),
    Step(
        13,
        110,
        indices=I,
        lhs=lambda v, n, i: (
            softmax(v.z)[i - 1] * sum(yls(v, n, k) for k in range(1, n + 1)) - yls(v, n, i)
        ),
        rhs=lambda v, n, i: softmax(v.z)[i - 1] - yls(v, n, i),
    ),
    Step(
        17,
        57,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: loss(v, n, z), v.z, i),
        rhs=lambda v, n, i: softmax(v.z)[i - 1] - (1 - v.eps) * delta(i, v.c) - v.eps / (n - 1),
        note="planted: epsilon / (K - 1) where the definition has epsilon / K",
    ),
]
