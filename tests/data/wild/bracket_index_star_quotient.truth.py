import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n))


def y(v, n):
    return softmax(v.x)[n - 1]


def dy(v, n, k):
    return d(lambda x: softmax(x)[n - 1], v.x, k)


def E(v, k):
    return mp.exp(v.x[k - 1])


def S(v):
    return sum(mp.exp(t) for t in v.x)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


NK = ("n", "k")

STEPS = [
    Step(8, 6, kind="definition"),
    *chain(
        [(15, 39), (17, 3), (19, 3), (19, 24)],
        [
            lambda v, _, n, k: dy(v, n, k),
            lambda v, _, n, k: (E(v, n) * S(v) - E(v, n) * E(v, k)) / S(v) ** 2,
            lambda v, _, n, k: E(v, n) / S(v) - E(v, n) / S(v) * E(v, k) / S(v),
            lambda v, _, n, k: y(v, n) - y(v, n) * y(v, k),
            lambda v, _, n, k: y(v, n) * (1 - y(v, n)),
        ],
        indices=NK,
        case="n = k",
    ),
    *chain(
        [(25, 39), (27, 3), (29, 3)],
        [
            lambda v, _, n, k: dy(v, n, k),
            lambda v, _, n, k: (0 * S(v) - E(v, n) * E(v, k)) / S(v) ** 2,
            lambda v, _, n, k: E(v, n) / S(v) * E(v, k) / S(v),
            lambda v, _, n, k: y(v, n) * y(v, k),
        ],
        indices=NK,
        case="n != k",
    ),
    Step(
        33,
        39,
        indices=NK,
        lhs=lambda v, _, n, k: dy(v, n, k),
        rhs=lambda v, _, n, k: y(v, n) * (delta(n, k) - y(v, k)),
    ),
]
