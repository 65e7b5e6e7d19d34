import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# Lecture notes whose sums are all written from 1 (\sum_{j=1}^{K}, \sum_{k=1}^{K}) and whose
# worked example numbers the three classes 0, 1, 2 "as in the homework code": ŷ_0, ∂L/∂z_0.
# The general part is transcribed for K = N classes counted from 1. The worked example is fixed
# (z = (ln 2, 0, 0), label y = (1, 0, 0) at class 0): its steps are constants, with index k of
# the example meaning array position k. The closing Σ ŷ_k = Σ y_k = 1 is the general statement.
# No planted slip.

Z0 = [mp.log(2), mp.mpf(0), mp.mpf(0)]
Y0 = [mp.mpf(1), mp.mpf(0), mp.mpf(0)]


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def yh(v, k):
    return softmax(v.z)[k - 1]


def y(v, k):
    return v.y[k - 1]


def ce(z, t):
    return -mp.fsum(tk * mp.log(q) for tk, q in zip(t, softmax(z)))


def dL(v, k):
    return d(lambda z: ce(z, v.y), v.z, k)


def ex(k):
    """ŷ_k of the worked example, k the array position (0, 1, 2)."""
    return softmax(Z0)[k]


def dex(k):
    """∂L/∂z_k of the worked example, k the array position."""
    return d(lambda z: ce(z, Y0), Z0, k + 1)


def const(f):
    return lambda v, n: f()


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


K = ("k",)

STEPS = [
    Step(5, 13, kind="definition"),
    Step(7, 60, lhs=lambda v, n: mp.fsum(softmax(v.z)), rhs=lambda v, n: mp.mpf(1)),
    Step(9, 5, kind="definition"),
    *chain(
        [(13, 35), (13, 111), (13, 149)],
        [
            lambda v, n, k: dL(v, k),
            lambda v, n, k: (
                -mp.fsum(
                    y(v, j) / yh(v, j) * yh(v, j) * (delta(j, k) - yh(v, k))
                    for j in range(1, n + 1)
                )
            ),
            lambda v, n, k: -y(v, k) + yh(v, k) * mp.fsum(v.y),
            lambda v, n, k: yh(v, k) - y(v, k),
        ],
        indices=K,
    ),
    # the worked example
    Step(15, 157, kind="definition", note="the scores of the worked example"),
    *chain(
        [(17, 13), (17, 27)],
        [const(lambda: ex(0)), const(lambda: mp.mpf(2) / 4), const(lambda: mp.mpf(1) / 2)],
    ),
    *chain(
        [(17, 59), (17, 71)],
        [const(lambda: ex(1)), const(lambda: ex(2)), const(lambda: mp.mpf(1) / 4)],
    ),
    Step(19, 34, kind="hypothesis", note="the label of the worked example"),
    *chain(
        [(19, 63), (19, 81)],
        [const(lambda: ce(Z0, Y0)), const(lambda: -mp.log(ex(0))), const(lambda: mp.log(2))],
    ),
    *chain(
        [(21, 35), (21, 51)],
        [const(lambda: dex(0)), const(lambda: ex(0) - 1), const(lambda: -mp.mpf(1) / 2)],
    ),
    *chain(
        [(21, 106), (21, 140)],
        [const(lambda: dex(1)), const(lambda: dex(2)), const(lambda: mp.mpf(1) / 4)],
    ),
    Step(
        23,
        81,
        lhs=const(lambda: -mp.mpf(1) / 2 + mp.mpf(1) / 4 + mp.mpf(1) / 4),
        rhs=const(lambda: mp.mpf(0)),
    ),
    *chain(
        [(23, 135), (23, 156)],
        [
            lambda v, n: mp.fsum(softmax(v.z)),
            lambda v, n: mp.fsum(v.y),
            lambda v, n: mp.mpf(1),
        ],
    ),
]
