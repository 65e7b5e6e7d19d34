import mpmath as mp
from truth import Point, Step, d, reals, softmax

# Stated hypothesis (line 26): the logits are zero-meaned, sum_j z_j = sum_j v_j = 0.
# T > 0 (a temperature). The \approx line is not an equality and is not labelled.


def centred(xs):
    m = sum(xs) / len(xs)
    return [x - m for x in xs]


def sample(rng, n):
    return Point(z=centred(reals(rng, n)), v=centred(reals(rng, n)), T=mp.mpf(rng.uniform(0.5, 4)))


def q(v, z):
    return softmax([t / v.T for t in z])


def p(v):
    return softmax([t / v.T for t in v.v])


def C(v, z):
    return -sum(p(v)[j] * mp.log(q(v, z)[j]) for j in range(len(z)))


def bracket(v, n, i):
    sz = sum(v.z) / v.T
    sv = sum(v.v) / v.T
    return (1 / v.T) * ((1 + v.z[i - 1] / v.T) / (n + sz) - (1 + v.v[i - 1] / v.T) / (n + sv))


I = ("i",)
E = lambda x: mp.exp(x)

STEPS = [
    Step(12, 7, kind="definition"),
    Step(12, 56, kind="definition"),
    Step(
        18,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: C(v, z), v.z, i),
        rhs=lambda v, n, i: (q(v, v.z)[i - 1] - p(v)[i - 1]) / v.T,
    ),
    Step(
        18,
        60,
        indices=I,
        lhs=lambda v, n, i: (q(v, v.z)[i - 1] - p(v)[i - 1]) / v.T,
        rhs=lambda v, n, i: (
            (1 / v.T)
            * (
                E(v.z[i - 1] / v.T) / sum(E(t / v.T) for t in v.z)
                - E(v.v[i - 1] / v.T) / sum(E(t / v.T) for t in v.v)
            )
        ),
    ),
    Step(
        30,
        99,
        indices=I,
        lhs=bracket,
        rhs=lambda v, n, i: (1 / v.T) * (v.z[i - 1] / v.T - v.v[i - 1] / v.T) / n,
        note="exact under the stated zero-mean hypothesis",
    ),
    Step(
        30,
        143,
        indices=I,
        lhs=lambda v, n, i: (1 / v.T) * (v.z[i - 1] / v.T - v.v[i - 1] / v.T) / n,
        rhs=lambda v, n, i: (v.z[i - 1] - v.v[i - 1]) / (n * v.T**2),
    ),
    Step(
        37,
        41,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: v.T**2 * C(v, z), v.z, i),
        rhs=lambda v, n, i: v.T * (q(v, v.z)[i - 1] - p(v)[i - 1]),
    ),
]
