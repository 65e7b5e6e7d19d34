import mpmath as mp
from truth import Point, Step, d, dscalar, reals, softmax

SIZES = (2,)  # the document is about two classes only


def sample(rng, n):
    # y: "1 for class 1 and 0 for class 2"
    return Point(z=reals(rng, n), x=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.randrange(2)))


def sigma(x):
    return 1 / (1 + mp.exp(-x))


def p(v, k):
    return softmax(v.z)[k - 1]


def dp(v, k, j):
    return d(lambda z: softmax(z)[k - 1], v.z, j)


def L(v, z):
    p1 = softmax(z)[0]
    return -v.y * mp.log(p1) - (1 - v.y) * mp.log(1 - p1)


def dsig(x):
    return dscalar(sigma, x)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def z1(v):
    return v.z[0]


def z2(v):
    return v.z[1]


STEPS = [
    Step(5, 7, kind="definition"),
    *chain(
        [(5, 43), (5, 73)],
        [
            lambda v, n: mp.exp(z1(v)) / (mp.exp(z1(v)) + mp.exp(z2(v))),
            lambda v, n: 1 / (1 + mp.exp(z2(v) - z1(v))),
            lambda v, n: sigma(z1(v) - z2(v)),
        ],
    ),
    Step(9, 13, kind="definition"),
    *chain(
        [(13, 14), (13, 42), (13, 91)],
        [
            lambda v, n: dsig(v.x),
            lambda v, n: mp.exp(-v.x) / (1 + mp.exp(-v.x)) ** 2,
            lambda v, n: 1 / (1 + mp.exp(-v.x)) * (mp.exp(-v.x) / (1 + mp.exp(-v.x))),
            lambda v, n: sigma(v.x) * (1 - sigma(v.x)),
        ],
    ),
    *chain(
        [(17, 37), (17, 58)],
        [
            lambda v, n: dp(v, 1, 1),
            lambda v, n: dsig(z1(v) - z2(v)),
            lambda v, n: p(v, 1) * (1 - p(v, 1)),
        ],
    ),
    *chain(
        [(18, 37), (18, 59)],
        [
            lambda v, n: dp(v, 1, 2),
            lambda v, n: -dsig(z1(v) - z2(v)),
            lambda v, n: -p(v, 1) * p(v, 2),
        ],
    ),
    Step(26, 5, kind="definition"),
    *chain(
        [(30, 35), (30, 102), (30, 129)],
        [
            lambda v, n: d(lambda z: L(v, z), v.z, 1),
            lambda v, n: (
                -v.y / p(v, 1) * p(v, 1) * (1 - p(v, 1))
                + (1 - v.y) / (1 - p(v, 1)) * p(v, 1) * (1 - p(v, 1))
            ),
            lambda v, n: -v.y * (1 - p(v, 1)) + (1 - v.y) * p(v, 1),
            lambda v, n: p(v, 1) - v.y,
        ],
    ),
]
