import mpmath as mp
from truth import Point, Step, d, reals, softmax

# z = [z_1 ... z_K]^T is the notation for the scores, not a definition to judge.
# Planted mistake: the diagonal derivative written s_j (1 + s_j) instead of s_j (1 - s_j).


def sample(rng, n):
    return Point(z=reals(rng, n))


def s(v):
    return softmax(v.z)


def Z(v):
    return sum(mp.exp(t) for t in v.z)


J = ("j",)

STEPS = [
    Step(13, 22, kind="definition"),
    Step(22, 39, lhs=lambda v, n: sum(s(v)), rhs=lambda v, n: sum(mp.exp(t) / Z(v) for t in v.z)),
    Step(23, 3, lhs=lambda v, n: sum(mp.exp(t) / Z(v) for t in v.z), rhs=lambda v, n: Z(v) / Z(v)),
    Step(24, 3, lhs=lambda v, n: Z(v) / Z(v), rhs=lambda v, n: mp.mpf(1)),
    Step(
        33,
        52,
        indices=J,
        lhs=lambda v, n, j: d(lambda x: softmax(x)[j - 1], v.z, j),
        rhs=lambda v, n, j: (mp.exp(v.z[j - 1]) * Z(v) - mp.exp(v.z[j - 1]) ** 2) / Z(v) ** 2,
    ),
    Step(
        33,
        145,
        indices=J,
        lhs=lambda v, n, j: (mp.exp(v.z[j - 1]) * Z(v) - mp.exp(v.z[j - 1]) ** 2) / Z(v) ** 2,
        rhs=lambda v, n, j: s(v)[j - 1] * (1 + s(v)[j - 1]),
    ),
]
