import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    # "The targets sum to one": t is drawn as a distribution
    return Point(z=reals(rng, n), t=distribution(rng, n))


def s(v, k):
    return softmax(v.z)[k - 1]


def Z(v):
    return sum(mp.exp(x) for x in v.z)


def ds(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


def E(z, t):
    return -sum(tk * mp.log(sk) for tk, sk in zip(t, softmax(z), strict=True))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


KI = ("k", "i")

STEPS = [
    Step(10, 7, kind="definition"),
    Step(18, 5, kind="definition"),
    *chain(
        [(24, 35), (24, 101), (24, 141)],
        [
            lambda v, n, i: d(lambda z: E(z, v.t), v.z, i),
            lambda v, n, i: -sum(v.t[k - 1] / s(v, k) * ds(v, k, i) for k in range(1, n + 1)),
            lambda v, n, i: -sum(v.t[k - 1] * (delta(k, i) - s(v, i)) for k in range(1, n + 1)),
            lambda v, n, i: -v.t[i - 1] + s(v, i) * sum(v.t),
        ],
        indices=("i",),
    ),
    Step(32, 7, kind="definition", note="the softmax again, J the same count as K"),
    *chain(
        [(36, 37), (36, 119)],
        [
            lambda v, n, k, i: ds(v, k, i),
            lambda v, n, k, i: (
                (mp.exp(v.z[k - 1]) * Z(v) - mp.exp(v.z[k - 1]) * mp.exp(v.z[i - 1])) / Z(v) ** 2
            ),
            lambda v, n, k, i: s(v, k) * (1 - s(v, i)),
        ],
        indices=KI,
        case="k = i",
    ),
    *chain(
        [(40, 37), (40, 90)],
        [
            lambda v, n, k, i: ds(v, k, i),
            lambda v, n, k, i: -mp.exp(v.z[k - 1]) * mp.exp(v.z[i - 1]) / Z(v) ** 2,
            lambda v, n, k, i: s(v, k) * s(v, i),  # planted: the minus sign dropped
        ],
        indices=KI,
        case="k != i",
    ),
    Step(
        44,
        37,
        indices=KI,
        lhs=lambda v, n, k, i: ds(v, k, i),
        rhs=lambda v, n, k, i: s(v, k) * (delta(k, i) - s(v, i)),
    ),
]
