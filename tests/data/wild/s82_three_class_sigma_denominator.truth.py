import mpmath as mp
from truth import Point, Step, d, reals, softmax

# A three-class worked example that names the softmax denominator \Sigma
# (\Sigma = e^{z_1} + e^{z_2} + e^{z_3}, p_1 = e^{z_1}/\Sigma, ...), differentiates p_1 by z_1 and
# by z_2, says the diagonal in words ("When the indices coincide", for any class k), then plugs in
# the stated scores z = (0, ln 2, ln 5) (a hypothesis; Σ = 8). The numerical steps are exact
# fractions and are transcribed at that point. No planted slip: every step holds.

SIZES = (3,)  # the text has exactly three classes
EX = [mp.mpf(0), mp.log(2), mp.log(5)]  # stated: z = (0, ln 2, ln 5)


def sample(rng, n):
    return Point(z=reals(rng, 3))


def e(v, k):
    return mp.exp(v.z[k - 1])


def Sig(v):
    return e(v, 1) + e(v, 2) + e(v, 3)


def p(v, k):
    return softmax(v.z)[k - 1]


def jac(z, i, j):
    return d(lambda x: softmax(x)[i - 1], z, j)


def const(x):
    return lambda v, n: x


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


PX = softmax(EX)

STEPS = [
    Step(5, 10, kind="definition"),
    Step(9, 7, kind="definition"),
    Step(9, 43, kind="definition"),
    Step(9, 79, kind="definition"),
    Step(
        11,
        86,
        lhs=lambda v, n: d(lambda z: mp.fsum(mp.exp(t) for t in z), v.z, 1),
        rhs=lambda v, n: e(v, 1),
    ),
    Step(
        11,
        139,
        lhs=lambda v, n: d(lambda z: mp.fsum(mp.exp(t) for t in z), v.z, 2),
        rhs=lambda v, n: e(v, 2),
    ),
    *chain(
        [(15, 37), (15, 87), (15, 151)],
        [
            lambda v, n: jac(v.z, 1, 1),
            lambda v, n: (e(v, 1) * Sig(v) - e(v, 1) * e(v, 1)) / Sig(v) ** 2,
            lambda v, n: e(v, 1) / Sig(v) * (1 - e(v, 1) / Sig(v)),
            lambda v, n: p(v, 1) * (1 - p(v, 1)),
        ],
    ),
    *chain(
        [(19, 37), (19, 79), (19, 134)],
        [
            lambda v, n: jac(v.z, 1, 2),
            lambda v, n: -e(v, 1) / Sig(v) ** 2 * e(v, 2),
            lambda v, n: -e(v, 1) / Sig(v) * e(v, 2) / Sig(v),
            lambda v, n: -p(v, 1) * p(v, 2),
        ],
    ),
    # "When the indices coincide"
    Step(
        21,
        104,
        indices=("k",),
        lhs=lambda v, n, k: jac(v.z, k, k),
        rhs=lambda v, n, k: p(v, k) * (1 - p(v, k)),
    ),
    Step(23, 34, kind="hypothesis", note="the stated scores z = (0, ln 2, ln 5)"),
    Step(23, 70, lhs=const(mp.fsum(mp.exp(t) for t in EX)), rhs=const(mp.mpf(1 + 2 + 5))),
    Step(23, 82, lhs=const(mp.mpf(1 + 2 + 5)), rhs=const(mp.mpf(8))),
    Step(23, 96, lhs=const(PX[0]), rhs=const(mp.mpf(1) / 8)),
    Step(23, 117, lhs=const(PX[1]), rhs=const(mp.mpf(2) / 8)),
    Step(23, 131, lhs=const(mp.mpf(2) / 8), rhs=const(mp.mpf(1) / 4)),
    Step(23, 155, lhs=const(PX[2]), rhs=const(mp.mpf(5) / 8)),
    Step(25, 37, lhs=lambda v, n: jac(EX, 1, 1), rhs=const(mp.mpf(1) / 8 * mp.mpf(7) / 8)),
    Step(25, 69, lhs=const(mp.mpf(1) / 8 * mp.mpf(7) / 8), rhs=const(mp.mpf(7) / 64)),
    Step(25, 126, lhs=lambda v, n: jac(EX, 1, 2), rhs=const(-mp.mpf(1) / 8 * mp.mpf(1) / 4)),
    Step(25, 159, lhs=const(-mp.mpf(1) / 8 * mp.mpf(1) / 4), rhs=const(-mp.mpf(2) / 64)),
    Step(27, 45, lhs=lambda v, n: jac(EX, 1, 3), rhs=const(-mp.mpf(5) / 64)),
    Step(
        27,
        144,
        lhs=const(mp.mpf(7) / 64 - mp.mpf(2) / 64 - mp.mpf(5) / 64),
        rhs=const(mp.mpf(0)),
    ),
]
