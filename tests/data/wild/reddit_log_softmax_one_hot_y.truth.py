import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# "y in {0,1}^K with exactly one nonzero entry", "one-hot y": y is one-hot.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def logp(z, k):
    return mp.log(softmax(z)[k - 1])


def L(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


ks = lambda n: range(1, n + 1)
KI = ("k", "i")
I = ("i",)
Z = lambda v: sum(mp.exp(t) for t in v.z)

STEPS = [
    Step(
        9,
        12,
        indices=("k",),
        lhs=lambda v, n, k: logp(v.z, k),
        rhs=lambda v, n, k: v.z[k - 1] - mp.log(Z(v)),
    ),
    Step(13, 5, kind="definition"),
    Step(
        18,
        42,
        indices=KI,
        lhs=lambda v, n, k, i: d(lambda z: logp(z, k), v.z, i),
        rhs=lambda v, n, k, i: delta(k, i) - mp.exp(v.z[i - 1]) / Z(v),
    ),
    Step(
        18,
        97,
        indices=KI,
        lhs=lambda v, n, k, i: delta(k, i) - mp.exp(v.z[i - 1]) / Z(v),
        rhs=lambda v, n, k, i: delta(k, i) - p(v, k),
        note="planted: p_k instead of p_i",
    ),
    Step(
        22,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: L(v, z), v.z, i),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * d(lambda z: logp(z, k), v.z, i) for k in ks(n)),
    ),
    Step(
        22,
        96,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * d(lambda z: logp(z, k), v.z, i) for k in ks(n)),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
    ),
    Step(
        22,
        138,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
        rhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
    ),
    Step(
        22,
        170,
        indices=I,
        lhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
    ),
]
