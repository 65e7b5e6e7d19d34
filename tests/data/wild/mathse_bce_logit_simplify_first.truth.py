import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

SIZES = (1,)


def sample(rng, n):
    # stated: 0 <= p <= 1, a target probability (not a softmax output here)
    return Point(u=mp.mpf(rng.uniform(-4, 4)), p=mp.mpf(rng.uniform(0, 1)))


def L(p, u):
    return -p * mp.log(sigmoid(u)) - (1 - p) * mp.log(1 - sigmoid(u))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def eu(v):
    return mp.exp(v.u)


STEPS = [
    Step(12, 7, kind="definition"),
    *chain(
        [(13, 2), (14, 2)],
        [
            lambda v, n: L(v.p, v.u),
            lambda v, n: -v.p * mp.log(eu(v) / (1 + eu(v))) - (1 - v.p) * mp.log(1 / (1 + eu(v))),
            lambda v, n: -v.p * v.u + mp.log(1 + eu(v)),
        ],
    ),
    *chain(
        [(19, 9), (19, 36)],
        [
            lambda v, n: dscalar(lambda t: L(v.p, t), v.u),
            lambda v, n: -v.p + eu(v) / (1 + eu(v)),
            lambda v, n: sigmoid(v.u) - v.p,
        ],
    ),
    Step(26, 25, lhs=lambda v, n: eu(v) / (1 + eu(v)), rhs=lambda v, n: 1 / (1 + mp.exp(-v.u))),
    *chain(
        [(30, 12), (30, 38)],
        [
            lambda v, n: dscalar(lambda s: dscalar(lambda t: L(v.p, t), s), v.u),
            lambda v, n: eu(v) / (1 + eu(v)) ** 2,
            lambda v, n: sigmoid(v.u) * (1 - sigmoid(v.u)),
        ],
    ),
]
