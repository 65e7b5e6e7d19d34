import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, softmax

# a Chinese blog post: the quotient rule in Leibniz notation for generic f, g, then the softmax
# derivative case by case; planted: in the case i != j the first factor's index i written j
# (line 30), so the two steps around it fail while the result -S_i S_j is right again


def sample(rng, n):
    return Point(z=reals(rng, n), x=mp.mpf(rng.uniform(0.5, 2)), c=reals(rng, 3))


def f(c, x):  # the rule holds for every f and g: one sample of each
    return mp.exp(c[0] * x) + c[1]


def g(c, x):
    return 2 + mp.sin(c[2] * x) ** 2


def e(v, k):
    return mp.exp(v.z[k - 1])


def total(v):
    return sum(mp.exp(t) for t in v.z)


def S(v, i):
    return softmax(v.z)[i - 1]


def dS(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    Step(
        9,
        48,
        lhs=lambda v, n: dscalar(lambda t: f(v.c, t) / g(v.c, t), v.x),
        rhs=lambda v, n: (
            (
                dscalar(lambda t: f(v.c, t), v.x) * g(v.c, v.x)
                - f(v.c, v.x) * dscalar(lambda t: g(v.c, t), v.x)
            )
            / g(v.c, v.x) ** 2
        ),
    ),
    Step(15, 7, kind="definition"),
    *chain(
        [(20, 47), (20, 87)],
        [
            lambda v, n, j: d(lambda z: sum(mp.exp(t) for t in z), v.z, j),
            lambda v, n, j: e(v, j),  # the written run of zeros with one term e^{z_j}
            lambda v, n, j: e(v, j),
        ],
        indices=("j",),
    ),
    *chain(
        [(26, 37), (26, 116), (26, 201)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (e(v, i) * total(v) - e(v, i) * e(v, j)) / total(v) ** 2,
            lambda v, n, i, j: e(v, i) / total(v) * ((total(v) - e(v, j)) / total(v)),
            lambda v, n, i, j: S(v, i) * (1 - S(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    *chain(
        [(30, 37), (30, 117), (30, 186)],
        [
            lambda v, n, i, j: dS(v, i, j),
            lambda v, n, i, j: (0 * total(v) - e(v, i) * e(v, j)) / total(v) ** 2,
            lambda v, n, i, j: -e(v, j) / total(v) * (e(v, j) / total(v)),
            lambda v, n, i, j: -S(v, i) * S(v, j),
        ],
        indices=IJ,
        case="i != j",
        note="planted at line 30: e^{z_i} written e^{z_j} in the middle expression",
    ),
    Step(
        36,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (delta(i, j) - S(v, j)),
    ),
]
