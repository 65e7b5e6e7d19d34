import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid, softmax

# Two classes (stated): N = 2. u = a_1 - a_2.
SIZES = (2,)


def sample(rng, n):
    return Point(a=reals(rng, n))


s = lambda v, i: softmax(v.a)[i - 1]
E = mp.exp
u = lambda v: v.a[0] - v.a[1]

STEPS = [
    Step(6, 6, kind="definition"),
    Step(9, 7, lhs=lambda v, n: s(v, 1), rhs=lambda v, n: E(v.a[0]) / (E(v.a[0]) + E(v.a[1]))),
    Step(
        9,
        43,
        lhs=lambda v, n: E(v.a[0]) / (E(v.a[0]) + E(v.a[1])),
        rhs=lambda v, n: 1 / (1 + E(-(v.a[0] - v.a[1]))),
    ),
    Step(9, 76, lhs=lambda v, n: 1 / (1 + E(-(v.a[0] - v.a[1]))), rhs=lambda v, n: sigmoid(u(v))),
    Step(
        16,
        37,
        lhs=lambda v, n: d(lambda a: softmax(a)[0], v.a, 1),
        rhs=lambda v, n: s(v, 1) * s(v, 2),
    ),
    Step(
        18,
        37,
        lhs=lambda v, n: d(lambda a: softmax(a)[0], v.a, 2),
        rhs=lambda v, n: -s(v, 1) * s(v, 2),
    ),
    Step(
        24,
        25,
        lhs=lambda v, n: dscalar(sigmoid, u(v)),
        rhs=lambda v, n: sigmoid(u(v)) * (1 - sigmoid(u(v))),
    ),
    Step(
        24,
        52,
        lhs=lambda v, n: sigmoid(u(v)) * (1 - sigmoid(u(v))),
        rhs=lambda v, n: s(v, 1) * s(v, 2),
    ),
]
