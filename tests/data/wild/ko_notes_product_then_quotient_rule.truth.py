import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, softmax

# the product rule h(x) = f(x)g(x) and, in the next display, the quotient rule with the same
# letter h(x) = f(x)/g(x), both for every f and g (one sample of each); then the quotient rule
# applied to the softmax with f = e^{z_i}, g = Σ_j e^{z_j}. Planted: in the k ≠ i case the
# minus sign of the numerator is dropped (the next step, p_i p_k, follows from the slipped one).


def sample(rng, n):
    return Point(z=reals(rng, n), x=mp.mpf(rng.uniform(-2, 2)), c=reals(rng, 3))


def f(c, x):  # the rules hold for every f and g: one sample of each
    return mp.exp(c[0] * x) + c[1] * x**2


def g(c, x):
    return 2 + mp.sin(c[2] * x) ** 2


def e(v, k):
    return mp.exp(v.z[k - 1])


def S(v):
    return sum(mp.exp(t) for t in v.z)


def p(v, i):
    return softmax(v.z)[i - 1]


def dp(v, i, k):
    return d(lambda z: softmax(z)[i - 1], v.z, k)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IK = ("i", "k")

STEPS = [
    Step(7, 8, kind="definition"),
    Step(
        7,
        32,
        lhs=lambda v, n: dscalar(lambda t: f(v.c, t) * g(v.c, t), v.x),
        rhs=lambda v, n: (
            dscalar(lambda t: f(v.c, t), v.x) * g(v.c, v.x)
            + f(v.c, v.x) * dscalar(lambda t: g(v.c, t), v.x)
        ),
        note="the product rule",
    ),
    Step(
        9,
        30,
        lhs=lambda v, n: dscalar(lambda t: t * mp.exp(t), v.x),
        rhs=lambda v, n: mp.exp(v.x) + v.x * mp.exp(v.x),
    ),
    Step(15, 8, kind="definition", note="h now the quotient f/g"),
    Step(
        15,
        41,
        lhs=lambda v, n: dscalar(lambda t: f(v.c, t) / g(v.c, t), v.x),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: f(v.c, t), v.x) * g(v.c, v.x)
                - f(v.c, v.x) * dscalar(lambda t: g(v.c, t), v.x)
            )
            / g(v.c, v.x) ** 2
        ),
        note="the quotient rule",
    ),
    Step(23, 7, kind="definition"),
    Step(25, 8, kind="definition", note="f the numerator e^{z_i}"),
    Step(25, 27, kind="definition", note="g the partition sum"),
    Step(
        25,
        110,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: sum(mp.exp(t) for t in z), v.z, k),
        rhs=lambda v, n, k: e(v, k),
    ),
    *chain(
        [(29, 37), (29, 105), (29, 119)],
        [
            lambda v, n, i: dp(v, i, i),
            lambda v, n, i: (e(v, i) * S(v) - e(v, i) * e(v, i)) / S(v) ** 2,
            lambda v, n, i: p(v, i) - p(v, i) ** 2,
            lambda v, n, i: p(v, i) * (1 - p(v, i)),
        ],
        indices=("i",),
    ),
    Step(
        31,
        44,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: d(lambda z: mp.exp(z[i - 1]), v.z, k),
        rhs=lambda v, n, i, k: 0,
        note="f' the derivative of the numerator by z_k",
    ),
    Step(
        33,
        37,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: dp(v, i, k),
        rhs=lambda v, n, i, k: (0 * S(v) - e(v, i) * e(v, k)) / S(v) ** 2,
    ),
    Step(
        33,
        106,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: (0 * S(v) - e(v, i) * e(v, k)) / S(v) ** 2,
        rhs=lambda v, n, i, k: e(v, i) * e(v, k) / S(v) ** 2,
        note="planted: the minus sign of the numerator dropped",
    ),
    Step(
        33,
        150,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: e(v, i) * e(v, k) / S(v) ** 2,
        rhs=lambda v, n, i, k: p(v, i) * p(v, k),
    ),
    Step(
        35,
        46,
        indices=IK,
        lhs=lambda v, n, i, k: dp(v, i, k),
        rhs=lambda v, n, i, k: p(v, i) * (delta(i, k) - p(v, k)),
    ),
]
