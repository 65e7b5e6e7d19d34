import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def L(v):
    return -sum(y * mp.log(q) for y, q in zip(v.y, softmax(v.z)))


def dlogp(v, k, i):
    return d(lambda z: mp.log(softmax(z)[k - 1]), v.z, i)


def delta(a, b):
    return 1 if a == b else 0


I = ("i",)

STEPS = [
    Step(3, 43, kind="definition"),
    Step(6, 5, kind="definition"),
    Step(
        6,
        36,
        lhs=lambda v, n: -sum(v.y[k - 1] * mp.log(p(v, k)) for k in range(1, n + 1)),
        rhs=lambda v, n: -sum(v.y[k - 1] * mp.log(p(v, k)) for k in range(1, n + 1)),
        note="the sum written out with a minus before every term",
    ),
    Step(
        11,
        35,
        indices=I,
        lhs=lambda v, n, i: d(
            lambda z: -sum(y * mp.log(q) for y, q in zip(v.y, softmax(z))), v.z, i
        ),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * dlogp(v, k, i) for k in range(1, n + 1)),
    ),
    Step(
        11,
        180,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * dlogp(v, k, i) for k in range(1, n + 1)),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, k)) for k in range(1, n + 1)),
        note="planted: p_k for p_i (d log p_k / d z_i = delta_ki - p_i)",
    ),
    Step(
        15,
        43,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in range(1, n + 1)),
        rhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
    ),
    Step(
        15,
        75,
        indices=I,
        lhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
        note="one-hot labels, stated",
    ),
]
