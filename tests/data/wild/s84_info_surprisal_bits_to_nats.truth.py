import mpmath as mp
from truth import Point, Step, d, delta, distribution, dscalar, reals, softmax

# An information-theory note: Shannon's surprisal I(x) = -log_2 P(x) in bits (a definition), two
# worked values, additivity for independent outcomes (I(x, y) is the surprisal of the joint
# outcome, whose probability is P(x)P(y) by the stated independence), dI/dP = -1/(P ln 2). Then
# "from here on log without a base means ln": the cross-entropy H(p, q) = -Σ p_k log q_k with
# p a probability vector (Σ p_k = 1 stated, sampled on the simplex), q = softmax(z) (definitions),
# the log-softmax and its derivative, ∂H/∂z_i = q_i - p_i. Finally H_2 = -Σ p_k log_2 q_k (a
# definition) = H / ln 2, and the identity log_2 q = log q / ln 2 at a free positive q.
# Planted: a dropped factor — "the gradient is again ∂H_2/∂z_i = q_i - p_i"; since H_2 = H / ln 2
# its gradient is (q_i - p_i)/ln 2.


def sample(rng, n):
    return Point(
        z=reals(rng, n),
        p=distribution(rng, n),
        P=mp.mpf(rng.uniform(0.01, 1)),
        Px=mp.mpf(rng.uniform(0.01, 1)),
        Py=mp.mpf(rng.uniform(0.01, 1)),
        q=mp.mpf(rng.uniform(0.01, 3)),
    )


def log2(t):
    return mp.log(t) / mp.log(2)


def q(z, k):
    return softmax(z)[k - 1]


def S(v):
    return mp.fsum(mp.exp(t) for t in v.z)


def H(p, z):
    return -mp.fsum(pk * mp.log(qk) for pk, qk in zip(p, softmax(z)))


def H2(p, z):
    return -mp.fsum(pk * log2(qk) for pk, qk in zip(p, softmax(z)))


def const(c):
    return lambda v, n: c


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


I = ("i",)
KI = ("k", "i")

STEPS = [
    Step(7, 8, kind="definition"),
    Step(9, 47, lhs=const(-log2(mp.mpf(1) / 2)), rhs=const(mp.mpf(1))),
    Step(9, 130, lhs=const(-log2(mp.mpf(1) / 8)), rhs=const(mp.mpf(3))),
    *chain(
        [(11, 11), (11, 41)],
        [
            lambda v, n: -log2(v.Px * v.Py),
            lambda v, n: -log2(v.Px * v.Py),
            lambda v, n: -log2(v.Px) - log2(v.Py),
        ],
    ),
    Step(
        13,
        100,
        lhs=lambda v, n: dscalar(lambda t: -log2(t), v.P),
        rhs=lambda v, n: -1 / (v.P * mp.log(2)),
    ),
    Step(17, 228, kind="hypothesis", note="p is a probability vector"),
    Step(19, 11, kind="definition"),
    Step(21, 57, kind="definition"),
    Step(
        23,
        12,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(q(v.z, k)),
        rhs=lambda v, n, k: v.z[k - 1] - mp.log(S(v)),
    ),
    *chain(
        [(23, 95), (23, 150)],
        [
            lambda v, n, k, i: d(lambda z: mp.log(q(z, k)), v.z, i),
            lambda v, n, k, i: delta(k, i) - mp.exp(v.z[i - 1]) / S(v),
            lambda v, n, k, i: delta(k, i) - q(v.z, i),
        ],
        indices=KI,
    ),
    *chain(
        [(27, 41), (27, 83), (27, 115)],
        [
            lambda v, n, i: d(lambda z: H(v.p, z), v.z, i),
            lambda v, n, i: (
                -mp.fsum(v.p[k - 1] * (delta(k, i) - q(v.z, i)) for k in range(1, n + 1))
            ),
            lambda v, n, i: -v.p[i - 1] + q(v.z, i) * mp.fsum(v.p),
            lambda v, n, i: q(v.z, i) - v.p[i - 1],
        ],
        indices=I,
    ),
    Step(31, 64, lhs=lambda v, n: log2(v.q), rhs=lambda v, n: mp.log(v.q) / mp.log(2)),
    Step(33, 13, kind="definition"),
    Step(33, 46, lhs=lambda v, n: H2(v.p, v.z), rhs=lambda v, n: H(v.p, v.z) / mp.log(2)),
    Step(
        35,
        68,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: H2(v.p, z), v.z, i),
        rhs=lambda v, n, i: q(v.z, i) - v.p[i - 1],
        note="planted: the factor 1/ln 2 dropped (H_2 = H / ln 2)",
    ),
]
