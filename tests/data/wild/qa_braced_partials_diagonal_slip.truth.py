import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# a = Wx + b only names the logits; every derivative is by a, so a is sampled freely.
# Nothing is said about the labels y: arbitrary reals.


def sample(rng, n):
    return Point(a=reals(rng, n), y=reals(rng, n))


def z(v, k):
    return softmax(v.a)[k - 1]


def dz(v, k, j):
    return d(lambda a: softmax(a)[k - 1], v.a, j)


def L(a, y):
    return -sum(yk * mp.log(zk) for yk, zk in zip(y, softmax(a), strict=True))


def Z(v):
    return sum(mp.exp(x) for x in v.a)


STEPS = [
    Step(3, 14, kind="definition"),
    Step(3, 51, kind="definition"),
    Step(3, 90, kind="definition"),
    Step(
        7,
        39,
        indices=("i",),
        lhs=lambda v, n, i: dz(v, i, i),
        rhs=lambda v, n, i: (mp.exp(v.a[i - 1]) * Z(v) - mp.exp(v.a[i - 1]) ** 2) / Z(v) ** 2,
    ),
    # planted: the diagonal written with a plus sign
    Step(
        7,
        107,
        indices=("i",),
        lhs=lambda v, n, i: (mp.exp(v.a[i - 1]) * Z(v) - mp.exp(v.a[i - 1]) ** 2) / Z(v) ** 2,
        rhs=lambda v, n, i: z(v, i) * (1 + z(v, i)),
    ),
    Step(
        11,
        39,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: dz(v, i, j),
        rhs=lambda v, n, i, j: -z(v, i) * z(v, j),
    ),
    Step(
        15,
        37,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda a: L(a, v.y), v.a, j),
        rhs=lambda v, n, j: -sum(v.y[k - 1] / z(v, k) * dz(v, k, j) for k in range(1, n + 1)),
    ),
    Step(
        15,
        98,
        indices=("j",),
        lhs=lambda v, n, j: -sum(v.y[k - 1] / z(v, k) * dz(v, k, j) for k in range(1, n + 1)),
        rhs=lambda v, n, j: -sum(v.y[k - 1] * (delta(k, j) - z(v, j)) for k in range(1, n + 1)),
    ),
    Step(
        15,
        131,
        indices=("j",),
        lhs=lambda v, n, j: -sum(v.y[k - 1] * (delta(k, j) - z(v, j)) for k in range(1, n + 1)),
        rhs=lambda v, n, j: z(v, j) * sum(v.y) - v.y[j - 1],
    ),
]
