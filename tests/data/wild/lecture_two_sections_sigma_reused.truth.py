import mpmath as mp
from truth import Point, Step, d, delta, dscalar, one_hot, reals, sigmoid, softmax


def sample(rng, n):
    # 6.1: scalar score s with label b in {0, 1}; 6.2: scores z, one-hot y
    return Point(
        s=mp.mpf(rng.uniform(-3, 3)), b=mp.mpf(rng.randrange(2)), z=reals(rng, n), y=one_hot(rng, n)
    )


def J1(b, s):
    p = sigmoid(s)
    return -b * mp.log(p) - (1 - b) * mp.log(1 - p)


def p(v, i):
    return softmax(v.z)[i - 1]


def J2(v, z):
    return -sum(v.y[i] * mp.log(softmax(z)[i]) for i in range(len(z)))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def P(v):
    return sigmoid(v.s)


STEPS = [
    Step(6, 13, kind="definition"),
    Step(6, 46, kind="definition"),
    Step(8, 5, kind="definition"),
    *chain(
        [(10, 17), (10, 75), (10, 98)],
        [
            lambda v, n: dscalar(lambda t: J1(v.b, t), v.s),
            lambda v, n: (-v.b / P(v) + (1 - v.b) / (1 - P(v))) * P(v) * (1 - P(v)),
            lambda v, n: -v.b * (1 - P(v)) + (1 - v.b) * P(v),
            lambda v, n: P(v) - v.b,
        ],
    ),
    Step(15, 7, kind="definition", note="p_i names the softmax entry sigma_i(z)"),
    Step(15, 30, kind="definition", note="sigma now denotes softmax (stated)"),
    Step(17, 5, kind="definition"),
    *chain(
        [(19, 35), (19, 87), (19, 117)],
        [
            lambda v, n, j: d(lambda z: J2(v, z), v.z, j),
            lambda v, n, j: -sum(v.y[i - 1] * (delta(i, j) - p(v, j)) for i in range(1, n + 1)),
            lambda v, n, j: p(v, j) * sum(v.y) - v.y[j - 1],
            lambda v, n, j: p(v, j) - v.y[j - 1],
        ],
        indices=("j",),
    ),
    Step(
        24,
        7,
        lhs=lambda v, n: softmax(v.z[:2])[0],
        rhs=lambda v, n: mp.exp(v.z[0]) / (mp.exp(v.z[0]) + mp.exp(v.z[1])),
        note="K = 2",
    ),
    Step(
        24,
        43,
        lhs=lambda v, n: mp.exp(v.z[0]) / (mp.exp(v.z[0]) + mp.exp(v.z[1])),
        rhs=lambda v, n: 1 / (1 + mp.exp(-(v.z[0] - v.z[1]))),
    ),
]
