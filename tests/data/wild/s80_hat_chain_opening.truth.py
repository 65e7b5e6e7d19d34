import mpmath as mp
from truth import Point, Step, d, reals, softmax

# A post that never defines ŷ except through the first derivative of a chain: ∂ŷ_1/∂z_1 =
# ∂(e^{z_1}/Σ_k e^{z_k})/∂z_1 = … at concrete indices 1 and 2, then the cross-entropy with the
# stated label y = (1, 0, 0) (three classes) and its gradient ŷ_1 - 1, ŷ_2, ŷ_3. ŷ is the
# softmax of z. The vector equalities on the last line are transcribed as the largest entry
# difference. No planted slip.

SIZES = (3,)
Y = [mp.mpf(1), mp.mpf(0), mp.mpf(0)]


def sample(rng, n):
    return Point(z=reals(rng, n))


def yh(v, k):
    return softmax(v.z)[k - 1]


def e(v, k):
    return mp.exp(v.z[k - 1])


def S(v):
    return mp.fsum(mp.exp(t) for t in v.z)


def dy(v, k, m):
    return d(lambda z: softmax(z)[k - 1], v.z, m)


def loss(z):
    return -mp.fsum(Y[k] * mp.log(softmax(z)[k]) for k in range(3))


def dL(v, m):
    return d(loss, v.z, m)


def gap(a, b):
    return max(abs(x - w) for x, w in zip(a, b, strict=True))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    *chain(
        [(5, 42), (5, 119), (5, 199)],
        [
            lambda v, n: dy(v, 1, 1),
            lambda v, n: d(lambda z: mp.exp(z[0]) / mp.fsum(mp.exp(t) for t in z), v.z, 1),
            lambda v, n: (e(v, 1) * S(v) - e(v, 1) * e(v, 1)) / S(v) ** 2,
            lambda v, n: yh(v, 1) * (1 - yh(v, 1)),
        ],
    ),
    *chain(
        [(9, 42), (9, 119), (9, 177)],
        [
            lambda v, n: dy(v, 1, 2),
            lambda v, n: d(lambda z: mp.exp(z[0]) / mp.fsum(mp.exp(t) for t in z), v.z, 2),
            lambda v, n: -e(v, 1) * e(v, 2) / S(v) ** 2,
            lambda v, n: -yh(v, 1) * yh(v, 2),
        ],
    ),
    Step(11, 84, lhs=lambda v, n: dy(v, 2, 2), rhs=lambda v, n: yh(v, 2) * (1 - yh(v, 2))),
    Step(11, 166, lhs=lambda v, n: dy(v, 2, 1), rhs=lambda v, n: -yh(v, 2) * yh(v, 1)),
    Step(13, 63, kind="hypothesis", note="the label of the example"),
    Step(15, 4, kind="definition"),
    Step(15, 31, lhs=lambda v, n: loss(v.z), rhs=lambda v, n: -mp.log(yh(v, 1))),
    *chain(
        [(17, 34), (17, 100), (17, 163)],
        [
            lambda v, n: dL(v, 1),
            lambda v, n: -1 / yh(v, 1) * dy(v, 1, 1),
            lambda v, n: -1 / yh(v, 1) * yh(v, 1) * (1 - yh(v, 1)),
            lambda v, n: yh(v, 1) - 1,
        ],
    ),
    *chain(
        [(19, 34), (19, 100), (19, 162)],
        [
            lambda v, n: dL(v, 2),
            lambda v, n: -1 / yh(v, 1) * dy(v, 1, 2),
            lambda v, n: -1 / yh(v, 1) * (-yh(v, 1) * yh(v, 2)),
            lambda v, n: yh(v, 2),
        ],
    ),
    Step(21, 46, lhs=lambda v, n: dL(v, 3), rhs=lambda v, n: yh(v, 3)),
    Step(
        21,
        117,
        lhs=lambda v, n: gap(
            [yh(v, k) - Y[k - 1] for k in (1, 2, 3)], [yh(v, 1) - 1, yh(v, 2), yh(v, 3)]
        ),
        rhs=lambda v, n: mp.mpf(0),
        note="the vector ŷ - y against its entries",
    ),
]
