import mpmath as mp
from truth import Point, Step, d, dscalar, reals, softmax


def sample(rng, n):
    # g, h: a concrete pair of functions and a point, to judge the quotient rule as calculus
    return Point(a=reals(rng, n), x=mp.mpf(rng.uniform(0.5, 2)), c=reals(rng, 3))


def S(v, i):
    return softmax(v.a)[i - 1]


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def g(c, x):
    return mp.exp(c[0] * x) + c[1]


def h(c, x):
    return 2 + mp.sin(c[2] * x) ** 2


STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        9,
        9,
        lhs=lambda v, n: dscalar(lambda t: g(v.c, t) / h(v.c, t), v.x),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: g(v.c, t), v.x) * h(v.c, v.x)
                + dscalar(lambda t: h(v.c, t), v.x) * g(v.c, v.x)
            )
            / h(v.c, v.x) ** 2
        ),
        note="quotient rule with + instead of -",
    ),
    Step(
        13,
        37,
        indices=("i", "j"),
        case="i = j",
        lhs=lambda v, n, i, j: d(lambda a: softmax(a)[i - 1], v.a, j),
        rhs=lambda v, n, i, j: (
            (mp.exp(v.a[i - 1]) * Z(v) - mp.exp(v.a[j - 1]) * mp.exp(v.a[i - 1])) / Z(v) ** 2
        ),
    ),
    Step(
        13,
        105,
        indices=("i", "j"),
        case="i = j",
        lhs=lambda v, n, i, j: (
            (mp.exp(v.a[i - 1]) * Z(v) - mp.exp(v.a[j - 1]) * mp.exp(v.a[i - 1])) / Z(v) ** 2
        ),
        rhs=lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
    ),
    Step(
        17,
        37,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: d(lambda a: softmax(a)[i - 1], v.a, j),
        rhs=lambda v, n, i, j: (0 - mp.exp(v.a[j - 1]) * mp.exp(v.a[i - 1])) / Z(v) ** 2,
    ),
    Step(
        17,
        85,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: (0 - mp.exp(v.a[j - 1]) * mp.exp(v.a[i - 1])) / Z(v) ** 2,
        rhs=lambda v, n, i, j: S(v, i) * S(v, j),
        note="dropped minus sign",
    ),
]
