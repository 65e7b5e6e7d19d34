import mpmath as mp
from truth import Point, Step, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n, 5.0))


def m(v):
    return max(v.x)


def shifted(v):
    return sum(mp.exp(t - m(v)) for t in v.x)


I = ("i",)

STEPS = [
    Step(10, 11, kind="definition"),
    Step(
        10,
        48,
        indices=I,
        lhs=lambda v, n, i: softmax(v.x)[i - 1],
        rhs=lambda v, n, i: mp.exp(v.x[i - 1] - m(v)) / shifted(v),
    ),
    Step(16, 27, kind="definition"),
    Step(
        16,
        81,
        indices=I,
        lhs=lambda v, n, i: mp.log(mp.exp(v.x[i - 1] - m(v)) / shifted(v)),
        rhs=lambda v, n, i: v.x[i - 1] - m(v) - mp.log(shifted(v)),
    ),
    Step(
        16,
        132,
        indices=I,
        lhs=lambda v, n, i: v.x[i - 1] - m(v) - mp.log(shifted(v)),
        rhs=lambda v, n, i: v.x[i - 1] - mp.log(shifted(v)),
        note="the -m outside the logarithm dropped while the shift stays inside",
    ),
]
