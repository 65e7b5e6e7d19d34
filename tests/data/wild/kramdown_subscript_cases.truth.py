import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def y(v, k):
    return softmax(v.z)[k - 1]


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


STEPS = [
    Step(8, 7, kind="definition"),
    # 1. k = i, written y_{k=i}
    Step(
        14,
        43,
        indices=("k", "i"),
        case="k = i",
        lhs=lambda v, n, k, i: d(lambda z: softmax(z)[k - 1], v.z, i),
        rhs=lambda v, n, k, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
    ),
    Step(
        14,
        107,
        indices=("k", "i"),
        case="k = i",
        lhs=lambda v, n, k, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
        rhs=lambda v, n, k, i: e(v, i) / Z(v) - (e(v, i) / Z(v)) ** 2,
    ),
    Step(
        14,
        184,
        indices=("k", "i"),
        case="k = i",
        lhs=lambda v, n, k, i: e(v, i) / Z(v) - (e(v, i) / Z(v)) ** 2,
        rhs=lambda v, n, k, i: y(v, i) * (1 - y(v, i)),
    ),
    # 2. k != i, written y_{k \not= i}
    Step(
        18,
        49,
        indices=("k", "i"),
        case="k != i",
        lhs=lambda v, n, k, i: d(lambda z: softmax(z)[k - 1], v.z, i),
        rhs=lambda v, n, k, i: (0 * Z(v) - e(v, k) * e(v, i)) / Z(v) ** 2,
    ),
    Step(
        18,
        124,
        indices=("k", "i"),
        case="k != i",
        lhs=lambda v, n, k, i: (0 * Z(v) - e(v, k) * e(v, i)) / Z(v) ** 2,
        rhs=lambda v, n, k, i: y(v, k) * y(v, i),
        note="dropped minus sign",
    ),
]
