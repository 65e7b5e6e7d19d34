import mpmath as mp
from truth import Point, Step, reals, softmax

# softmax(x_j), the bare word on an entry, is the j-th entry of softmax(x); c is any constant


def sample(rng, n):
    return Point(x=reals(rng, n), c=mp.mpf(rng.uniform(-3, 3)))


def logsm(v, j):
    return mp.log(softmax(v.x)[j - 1])


def lse(v):
    return mp.log(sum(mp.exp(t) for t in v.x))


def lse_c(v):
    return mp.log(sum(mp.exp(t - v.c) for t in v.x))


J = ("j",)

STEPS = [
    Step(8, 22, indices=J, lhs=lambda v, n, j: logsm(v, j), rhs=lambda v, n, j: logsm(v, j)),
    Step(
        8, 60, indices=J, lhs=lambda v, n, j: logsm(v, j), rhs=lambda v, n, j: v.x[j - 1] - lse(v)
    ),
    Step(
        12,
        17,
        indices=J,
        lhs=lambda v, n, j: softmax(v.x)[j - 1],
        rhs=lambda v, n, j: mp.exp(logsm(v, j)),
    ),
    Step(
        12,
        41,
        indices=J,
        lhs=lambda v, n, j: mp.exp(logsm(v, j)),
        rhs=lambda v, n, j: mp.exp(v.x[j - 1] - lse(v)),
    ),
    Step(18, 24, lhs=lambda v, n: lse(v), rhs=lambda v, n: v.c + lse_c(v)),
    Step(
        22,
        22,
        indices=J,
        lhs=lambda v, n, j: logsm(v, j),
        rhs=lambda v, n, j: v.x[j - 1] - v.c - lse_c(v),
    ),
    Step(
        26,
        22,
        indices=J,
        lhs=lambda v, n, j: logsm(v, j),
        rhs=lambda v, n, j: v.x[j - 1] - v.c - lse(v),
        note="planted: the shift taken out of the numerator only",
    ),
]
