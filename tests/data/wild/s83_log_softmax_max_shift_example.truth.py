import mpmath as mp
from truth import Point, Step, logsumexp, reals, softmax

# A Markdown note on log-softmax: log softmax(x)_i = x_i - log Σ_j e^{x_j}, the max shift with
# m = max_j x_j (a definition; the sample takes m = max x), and a worked example at
# x = (1000, 1001, 1002) with m = 1002. The example's decimals are rounded (the author means ≈):
# each rounded step is transcribed as the value it stands for (note "rounded: ≈"). The example
# fixes n = 3, so the document is evaluated at N = 3 (the vector equation of the example is
# componentwise, index i = 1..3). The closing "\approx" check is not labelled.
# No planted slip: every step holds.

SIZES = (3,)


def sample(rng, n):
    x = reals(rng, n, 5.0)
    return Point(x=x, m=max(x))


def lsm(v, i):
    return mp.log(softmax(v.x)[i - 1])


def S(v):
    return mp.fsum(mp.exp(t) for t in v.x)


def Sm(v):
    return mp.fsum(mp.exp(t - v.m) for t in v.x)


X = [mp.mpf(1000), mp.mpf(1001), mp.mpf(1002)]
M = mp.mpf(1002)
SX = mp.fsum(mp.exp(t - M) for t in X)  # 1.5032…
LSE = logsumexp(X)  # 1002.4076…


def const(c):
    return lambda v, n: c


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


I = ("i",)

STEPS = [
    *chain(
        [(9, 30), (9, 76)],
        [
            lambda v, n, i: lsm(v, i),
            lambda v, n, i: mp.log(mp.exp(v.x[i - 1]) / S(v)),
            lambda v, n, i: v.x[i - 1] - mp.log(S(v)),
        ],
        indices=I,
    ),
    Step(11, 44, kind="definition"),
    *chain(
        [(13, 31), (13, 83)],
        [
            lambda v, n: mp.log(S(v)),
            lambda v, n: mp.log(mp.exp(v.m) * Sm(v)),
            lambda v, n: v.m + mp.log(Sm(v)),
        ],
    ),
    Step(
        17,
        30,
        indices=I,
        lhs=lambda v, n, i: lsm(v, i),
        rhs=lambda v, n, i: v.x[i - 1] - v.m - mp.log(Sm(v)),
    ),
    Step(19, 82, lhs=const(mp.exp(0)), rhs=const(mp.mpf(1))),
    # the worked example
    Step(23, 9, kind="definition"),
    Step(23, 79, lhs=const(max(X)), rhs=const(M)),
    Step(
        25,
        30,
        lhs=const(SX),
        rhs=const(mp.exp(-2) + mp.exp(-1) + mp.exp(0)),
    ),
    Step(25, 56, lhs=const(SX), rhs=const(SX), note="rounded: ≈"),
    Step(25, 78, lhs=const(SX), rhs=const(SX), note="rounded: ≈"),
    Step(
        29, 31, lhs=const(logsumexp(X)), rhs=const(M + mp.log(SX)), note="1.5032 stands for the sum"
    ),
    Step(29, 52, lhs=const(M + mp.log(SX)), rhs=const(LSE), note="rounded: ≈"),
    Step(
        33,
        28,
        indices=I,
        lhs=lambda v, n, i: mp.log(softmax(X)[i - 1]),
        rhs=lambda v, n, i: X[i - 1] - LSE,
        note="componentwise; 1002.4076 stands for the log-sum-exp",
    ),
    Step(
        33,
        87,
        indices=I,
        lhs=lambda v, n, i: X[i - 1] - LSE,
        rhs=lambda v, n, i: X[i - 1] - LSE,
        note="rounded: ≈",
    ),
]
