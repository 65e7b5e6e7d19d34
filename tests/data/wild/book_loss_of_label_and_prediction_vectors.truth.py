import mpmath as mp
from truth import Point, Step, d, d2, one_hot, reals, softmax


def sample(rng, n):
    # "The label y is a one-hot vector"; o are the logits
    return Point(o=reals(rng, n), y=one_hot(rng, n))


def Z(o):
    return sum(mp.exp(t) for t in o)


def loss(y, o):  # l(y, yhat) with yhat the softmax of o
    return -sum(yj * mp.log(pj) for yj, pj in zip(y, softmax(o), strict=True))


def yo(v):
    return sum(yj * oj for yj, oj in zip(v.y, v.o, strict=True))


STEPS = [
    Step(9, 33, kind="definition"),
    Step(
        16,
        34,
        lhs=lambda v, n: loss(v.y, v.o),
        rhs=lambda v, n: -sum(yj * mp.log(mp.exp(oj) / Z(v.o)) for yj, oj in zip(v.y, v.o)),
    ),
    Step(
        17,
        2,
        lhs=lambda v, n: -sum(yj * mp.log(mp.exp(oj) / Z(v.o)) for yj, oj in zip(v.y, v.o)),
        rhs=lambda v, n: sum(v.y) * mp.log(Z(v.o)) - yo(v),
    ),
    Step(
        18,
        2,
        lhs=lambda v, n: sum(v.y) * mp.log(Z(v.o)) - yo(v),
        rhs=lambda v, n: mp.log(Z(v.o)) - yo(v),
    ),
    Step(
        25,
        63,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda o: loss(v.y, o), v.o, j),
        rhs=lambda v, n, j: mp.exp(v.o[j - 1]) / Z(v.o) - v.y[j - 1],
    ),
    Step(
        25,
        114,
        indices=("j",),
        lhs=lambda v, n, j: mp.exp(v.o[j - 1]) / Z(v.o) - v.y[j - 1],
        rhs=lambda v, n, j: softmax(v.o)[j - 1] - v.y[j - 1],
    ),
    Step(
        31,
        67,
        indices=("j",),
        lhs=lambda v, n, j: d2(lambda o: loss(v.y, o), v.o, j, j),
        rhs=lambda v, n, j: softmax(v.o)[j - 1] * (1 + softmax(v.o)[j - 1]),
        note="planted: the diagonal of the Hessian is yhat_j (1 - yhat_j)",
    ),
]
