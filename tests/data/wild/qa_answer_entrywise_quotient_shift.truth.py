import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    # logits o, targets y (no hypothesis on y is needed), "any constant c"
    return Point(o=reals(rng, n), y=reals(rng, n), c=mp.mpf(rng.uniform(-3, 3)))


def loss_of_p(v):
    return lambda p: -sum(y * mp.log(q) for y, q in zip(v.y, p, strict=True))


def p(v, r):
    return softmax(v.o)[r - 1]


def log_total(v):
    return mp.log(sum(mp.exp(t) for t in v.o))


R = ("r",)  # the entry of a vector equation

STEPS = [
    Step(
        8,
        23,
        indices=R,
        lhs=lambda v, n, r: d(loss_of_p(v), softmax(v.o), r),
        rhs=lambda v, n, r: -v.y[r - 1] / p(v, r),
    ),
    Step(
        14,
        17,
        indices=R,
        lhs=lambda v, n, r: mp.log(p(v, r)),
        rhs=lambda v, n, r: v.o[r - 1] - log_total(v),
    ),
    Step(
        20,
        12,
        indices=R,
        lhs=lambda v, n, r: p(v, r),
        rhs=lambda v, n, r: mp.exp(v.o[r - 1] - v.c) / sum(mp.exp(t - v.c) for t in v.o),
    ),
    Step(
        26,
        17,
        indices=R,
        lhs=lambda v, n, r: mp.log(p(v, r)),
        rhs=lambda v, n, r: v.o[r - 1] - v.c - log_total(v),
        note="the shift is taken outside the sum only",
    ),
]
