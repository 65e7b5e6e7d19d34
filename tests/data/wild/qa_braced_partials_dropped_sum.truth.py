import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# u = Vh only names the logits; every derivative is by u. The labels are said to be one-hot.


def sample(rng, n):
    return Point(u=reals(rng, n), y=one_hot(rng, n))


def s(v, k):
    return softmax(v.u)[k - 1]


def ds(v, k, i):
    return d(lambda u: softmax(u)[k - 1], v.u, i)


def L(u, y):
    return -sum(yk * mp.log(sk) for yk, sk in zip(y, softmax(u), strict=True))


def total(v, n, i):
    return -sum(v.y[k - 1] / s(v, k) * ds(v, k, i) for k in range(1, n + 1))


I = ("i",)

STEPS = [
    Step(1, 35, kind="definition"),
    Step(1, 74, kind="definition"),
    Step(2, 17, kind="definition"),
    # planted: only the k = i term of the chain rule is kept
    Step(
        6,
        37,
        indices=I,
        lhs=lambda v, n, i: d(lambda u: L(u, v.y), v.u, i),
        rhs=lambda v, n, i: -v.y[i - 1] / s(v, i) * ds(v, i, i),
    ),
    Step(
        6,
        91,
        indices=I,
        lhs=lambda v, n, i: -v.y[i - 1] / s(v, i) * ds(v, i, i),
        rhs=lambda v, n, i: -v.y[i - 1] * (1 - s(v, i)),
    ),
    Step(
        11,
        37,
        indices=I,
        lhs=lambda v, n, i: d(lambda u: L(u, v.y), v.u, i),
        rhs=total,
    ),
    Step(
        11,
        98,
        indices=I,
        lhs=total,
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - s(v, i)) for k in range(1, n + 1)),
    ),
    Step(
        11,
        131,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - s(v, i)) for k in range(1, n + 1)),
        rhs=lambda v, n, i: s(v, i) - v.y[i - 1],
    ),
]
