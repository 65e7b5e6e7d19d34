import mpmath as mp
from truth import Point, Step, d, reals, softmax

SIZES = (3,)  # the text says there are only three classes, a, b and c (positions 1, 2, 3)


def sample(rng, n):
    return Point(z=reals(rng, n))


def e(v, k):
    return mp.exp(v.z[k - 1])


def total(v):
    return e(v, 1) + e(v, 2) + e(v, 3)


def o(v, k):
    return softmax(v.z)[k - 1]


A, B = 1, 2

STEPS = [
    Step(3, 7, kind="definition"),
    Step(7, 7, lhs=lambda v, n: o(v, A), rhs=lambda v, n: e(v, A) / sum(mp.exp(t) for t in v.z)),
    Step(
        7,
        40,
        lhs=lambda v, n: e(v, A) / sum(mp.exp(t) for t in v.z),
        rhs=lambda v, n: e(v, A) / total(v),
    ),
    Step(
        11,
        37,
        lhs=lambda v, n: d(lambda z: softmax(z)[A - 1], v.z, A),
        rhs=lambda v, n: (e(v, A) * total(v) - e(v, A) * e(v, A)) / total(v) ** 2,
    ),
    Step(
        11,
        125,
        lhs=lambda v, n: (e(v, A) * total(v) - e(v, A) * e(v, A)) / total(v) ** 2,
        rhs=lambda v, n: o(v, A) * (1 - o(v, A)),
    ),
    Step(
        15,
        37,
        lhs=lambda v, n: d(lambda z: softmax(z)[A - 1], v.z, B),
        rhs=lambda v, n: (0 * total(v) - e(v, A) * e(v, B)) / total(v) ** 2,
    ),
    Step(
        15,
        126,
        lhs=lambda v, n: (0 * total(v) - e(v, A) * e(v, B)) / total(v) ** 2,
        rhs=lambda v, n: o(v, A) * o(v, B),
        note="planted: the minus sign dropped",
    ),
]
