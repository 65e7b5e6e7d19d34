import mpmath as mp
from truth import Point, Step, d, logsumexp, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n))


def S(v):
    return sum(mp.exp(t) for t in v.x)


def p(v, i):
    return softmax(v.x)[i - 1]


I = ("i",)

STEPS = [
    Step(
        6,
        25,
        lhs=lambda v, n: logsumexp(v.x),
        rhs=lambda v, n: mp.log(S(v)),
    ),
    Step(
        14,
        57,
        indices=I,
        lhs=lambda v, n, i: d(logsumexp, v.x, i),
        rhs=lambda v, n, i: mp.exp(v.x[i - 1]) / S(v),
    ),
    Step(
        14,
        100,
        indices=I,
        lhs=lambda v, n, i: mp.exp(v.x[i - 1]) / S(v),
        rhs=lambda v, n, i: p(v, i),
    ),
    Step(
        20,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda x: softmax(x)[i - 1], v.x, i),
        rhs=lambda v, n, i: (mp.exp(v.x[i - 1]) * S(v) - mp.exp(v.x[i - 1]) ** 2) / S(v) ** 2,
    ),
    Step(
        20,
        129,
        indices=I,
        lhs=lambda v, n, i: (mp.exp(v.x[i - 1]) * S(v) - mp.exp(v.x[i - 1]) ** 2) / S(v) ** 2,
        rhs=lambda v, n, i: p(v, i) * (1 + p(v, i)),
        note="sign slip: the diagonal is p_i(1 - p_i)",
    ),
]
