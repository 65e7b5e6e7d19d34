import mpmath as mp
from truth import Point, Step, d, delta, distribution, logsumexp, reals, softmax

# Scribe notes of a lecture on the softmax classifier: p_k = softmax(z)_k, the loss of an
# example of true class c, L = -log p_c (a definition), "Plugging in the softmax:" L = -z_c +
# log Σ_j e^{z_j}, and ∂L/∂z_k = p_k - δ_kc. The true class c is transcribed as a second index
# (the notes claim every class c and every k). The interpretation paragraph: ∂L/∂z_c = p_c - 1
# (index c), and "for every other class k ≠ c" ∂L/∂z_k = p_k (case k != c); the inequalities
# ≤ 0 / ≥ 0 are not labelled. The closing question redefines L with a distribution y
# ("as long as Σ_k y_k = 1": a hypothesis; y is drawn as a distribution).
# Planted: a wrong index — the chain rule for the log-sum-exp term writes e^{z_c} instead of
# e^{z_k}, so both equalities of that display hold only when k = c (the notes then carry on
# with the right p_k).


def sample(rng, n):
    return Point(z=reals(rng, n), y=distribution(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def S(v):
    return mp.fsum(mp.exp(t) for t in v.z)


def loss(z, c):
    return -mp.log(softmax(z)[c - 1])


def soft_loss(v, z):
    return -mp.fsum(yk * mp.log(pk) for yk, pk in zip(v.y, softmax(z)))


KC = ("k", "c")

STEPS = [
    Step(7, 7, kind="definition"),
    Step(11, 5, kind="definition"),
    # "Plugging in the softmax:"
    Step(
        15,
        5,
        indices=("c",),
        lhs=lambda v, n, c: loss(v.z, c),
        rhs=lambda v, n, c: -mp.log(mp.exp(v.z[c - 1]) / S(v)),
    ),
    Step(
        15,
        52,
        indices=("c",),
        lhs=lambda v, n, c: -mp.log(mp.exp(v.z[c - 1]) / S(v)),
        rhs=lambda v, n, c: -v.z[c - 1] + mp.log(S(v)),
    ),
    Step(
        17,
        134,
        indices=KC,
        lhs=lambda v, n, k, c: d(lambda z: -z[c - 1], v.z, k),
        rhs=lambda v, n, k, c: -delta(k, c),
    ),
    Step(
        19,
        61,
        indices=KC,
        lhs=lambda v, n, k, c: d(logsumexp, v.z, k),
        rhs=lambda v, n, k, c: 1 / S(v) * mp.exp(v.z[c - 1]),
        note="planted: wrong index, e^{z_c} for e^{z_k}",
    ),
    Step(
        19,
        110,
        indices=KC,
        lhs=lambda v, n, k, c: 1 / S(v) * mp.exp(v.z[c - 1]),
        rhs=lambda v, n, k, c: p(v, k),
        note="follows the planted wrong index: (1/S) e^{z_c} is p_c",
    ),
    Step(
        23,
        35,
        indices=KC,
        lhs=lambda v, n, k, c: d(lambda z: loss(z, c), v.z, k),
        rhs=lambda v, n, k, c: p(v, k) - delta(k, c),
    ),
    Step(
        25,
        74,
        indices=("c",),
        lhs=lambda v, n, c: d(lambda z: loss(z, c), v.z, c),
        rhs=lambda v, n, c: p(v, c) - 1,
    ),
    Step(
        25,
        202,
        indices=KC,
        case="k != c",
        lhs=lambda v, n, k, c: d(lambda z: loss(z, c), v.z, k),
        rhs=lambda v, n, k, c: p(v, k),
    ),
    Step(
        27,
        93,
        indices=("c",),
        lhs=lambda v, n, c: mp.fsum(d(lambda z: loss(z, c), v.z, k) for k in range(1, n + 1)),
        rhs=lambda v, n, c: mp.fsum(p(v, k) for k in range(1, n + 1)) - 1,
    ),
    Step(
        27,
        118,
        lhs=lambda v, n: mp.fsum(p(v, k) for k in range(1, n + 1)) - 1,
        rhs=lambda v, n: mp.mpf(0),
    ),
    Step(29, 92, kind="definition"),
    Step(29, 144, kind="hypothesis", note="the label distribution sums to one"),
    Step(
        29,
        210,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: soft_loss(v, z), v.z, k),
        rhs=lambda v, n, k: p(v, k) - v.y[k - 1],
    ),
]
