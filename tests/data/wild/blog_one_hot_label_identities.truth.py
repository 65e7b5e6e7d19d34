import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# y is one-hot (stated); p the softmax of o. Planted: the last display, 1 + Σ y_k p_k.


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.o)[k - 1]


def ks(n):
    return range(1, n + 1)


def dL(v, i):
    return d(lambda o: -sum(t * mp.log(q) for t, q in zip(v.y, softmax(o))), v.o, i)


STEPS = [
    Step(9, 9, indices=("i",), lhs=lambda v, n, i: v.y[i - 1] ** 2, rhs=lambda v, n, i: v.y[i - 1]),
    Step(
        13,
        16,
        lhs=lambda v, n: sum(v.y[k - 1] ** 2 for k in ks(n)),
        rhs=lambda v, n: sum(v.y[k - 1] for k in ks(n)),
    ),
    Step(13, 29, lhs=lambda v, n: sum(v.y[k - 1] for k in ks(n)), rhs=lambda v, n: 1),
    Step(
        17,
        35,
        indices=("i",),
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: p(v, i) * sum(v.y) - v.y[i - 1],
    ),
    Step(
        17,
        58,
        indices=("i",),
        lhs=lambda v, n, i: p(v, i) * sum(v.y) - v.y[i - 1],
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
    ),
    Step(
        22,
        18,
        lhs=lambda v, n: sum(v.y[k - 1] * p(v, k) for k in ks(n)),
        rhs=lambda v, n: sum(v.y[k - 1] ** 2 * p(v, k) for k in ks(n)),
    ),
    Step(
        24,
        24,
        lhs=lambda v, n: sum(v.y[k - 1] * (1 - p(v, k)) for k in ks(n)),
        rhs=lambda v, n: 1 + sum(v.y[k - 1] * p(v, k) for k in ks(n)),
    ),
]
