import mpmath as mp
from truth import Point, Step, d, dscalar, reals, softmax


def sample(rng, n):
    # x: the logits; t, c: a point and a concrete pair g, h to judge the stated quotient rule
    return Point(x=reals(rng, n), t=mp.mpf(rng.uniform(0.5, 2)), c=reals(rng, 3))


def e(v, k):
    return mp.exp(v.x[k - 1])


def Z(v):
    return sum(mp.exp(u) for u in v.x)


def y(v, i):
    return softmax(v.x)[i - 1]


def dy(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def g(c, t):
    return mp.exp(c[0] * t) + c[1]


def h(c, t):
    return 2 + mp.sin(c[2] * t) ** 2


IJ = ("i", "j")

STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        13,
        9,
        lhs=lambda v, n: dscalar(lambda t: g(v.c, t) / h(v.c, t), v.t),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: h(v.c, t), v.t) * g(v.c, v.t)
                - dscalar(lambda t: g(v.c, t), v.t) * h(v.c, v.t)
            )
            / h(v.c, v.t) ** 2
        ),
        note="quotient rule with the numerator reversed (wrong sign)",
    ),
    Step(17, 8, kind="definition"),
    Step(17, 30, kind="definition"),
    Step(
        21,
        9,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda x: sum(mp.exp(u) for u in x), v.x, j),
        rhs=lambda v, n, j: e(v, j),
    ),
    Step(
        25,
        9,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: d(lambda x: mp.exp(x[i - 1]), v.x, j),
        rhs=lambda v, n, i, j: e(v, i),
    ),
    Step(
        33,
        37,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
    ),
    Step(
        33,
        103,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: (e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: y(v, i) * (1 - y(v, j)),
    ),
    Step(
        37,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (0 * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
    ),
    Step(
        37,
        104,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: -y(v, i) * y(v, j),
    ),
]
