import mpmath as mp
from truth import Point, Step, one_hot, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.x)[k - 1]


def hot(v):
    return 1 + [float(t) for t in v.y].index(1.0)


STEPS = [
    Step(5, 12, kind="definition"),
    Step(6, 12, lhs=lambda v, n: sum(softmax(v.x)), rhs=lambda v, n: mp.mpf(1)),
    # the loss at the true class i (y_i = 1): both sides at i = the hot class
    Step(14, 15, lhs=lambda v, n: -mp.log(p(v, hot(v))), rhs=lambda v, n: -mp.log(p(v, hot(v)))),
    Step(23, 15, kind="definition"),
    Step(
        29,
        33,
        indices=("k",),
        lhs=lambda v, n, k: -v.y[k - 1] / p(v, k),
        rhs=lambda v, n, k: v.y[k - 1] / p(v, k),
        note="planted: the minus sign is lost",
    ),
]
