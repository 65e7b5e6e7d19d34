import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A worksheet solution in three parts, each with its own f ("Each part uses its own f"):
# (a) f = σ, with "Secondly," for the form f(1 - f); (b) "In part (b)," the steeper sigmoid
# f(x) = 1/(1 + e^{-2x}), its derivative 2f(1 - f) and the value at the origin; (c) "Finally,"
# the softplus f(x) = log(1 + e^x) with f' = σ and f'' = σ(1 - σ). Every step is transcribed
# with the f of its own part. "f(x) = (1 + e^{-x})^{-1}" in (a) is a rewriting of the defined
# f = σ, so it is a step. No planted slip: every step holds.

SIZES = (1,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def f_a(x):
    return sigmoid(x)


def f_b(x):
    return 1 / (1 + mp.exp(-2 * x))


def f_c(x):
    return mp.log(1 + mp.exp(x))


def e(t):
    return mp.exp(t)


def const(c):
    return lambda v, n: c


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


HALF = mp.mpf(1) / 2

STEPS = [
    Step(3, 24, kind="definition"),
    # part (a): f = σ
    Step(5, 19, kind="definition"),
    Step(5, 47, lhs=lambda v, n: f_a(v.x), rhs=lambda v, n: (1 + e(-v.x)) ** -1),
    *chain(
        [(7, 9), (7, 46)],
        [
            lambda v, n: dscalar(f_a, v.x),
            lambda v, n: -((1 + e(-v.x)) ** -2) * (-e(-v.x)),
            lambda v, n: e(-v.x) / (1 + e(-v.x)) ** 2,
        ],
    ),
    # "Secondly,"
    Step(9, 76, lhs=lambda v, n: 1 - f_a(v.x), rhs=lambda v, n: e(-v.x) / (1 + e(-v.x))),
    *chain(
        [(11, 9), (11, 64)],
        [
            lambda v, n: dscalar(f_a, v.x),
            lambda v, n: 1 / (1 + e(-v.x)) * e(-v.x) / (1 + e(-v.x)),
            lambda v, n: f_a(v.x) * (1 - f_a(v.x)),
        ],
    ),
    # part (b): "In part (b)," f is the steeper sigmoid
    Step(13, 19, kind="definition"),
    *chain(
        [(17, 9), (17, 44)],
        [
            lambda v, n: dscalar(f_b, v.x),
            lambda v, n: 2 * e(-2 * v.x) / (1 + e(-2 * v.x)) ** 2,
            lambda v, n: 2 * f_b(v.x) * (1 - f_b(v.x)),
        ],
    ),
    Step(19, 21, lhs=const(f_b(mp.mpf(0))), rhs=const(HALF)),
    *chain(
        [(19, 47), (19, 87)],
        [
            const(dscalar(f_b, mp.mpf(0))),
            const(2 * HALF * HALF),
            const(HALF),
        ],
    ),
    # part (c): "Finally," f is the softplus
    Step(21, 19, kind="definition"),
    *chain(
        [(25, 9), (25, 35), (25, 58)],
        [
            lambda v, n: dscalar(f_c, v.x),
            lambda v, n: e(v.x) / (1 + e(v.x)),
            lambda v, n: 1 / (1 + e(-v.x)),
            lambda v, n: sigmoid(v.x),
        ],
    ),
    Step(
        27,
        55,
        lhs=lambda v, n: dscalar(lambda t: dscalar(f_c, t), v.x),
        rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
    ),
]
