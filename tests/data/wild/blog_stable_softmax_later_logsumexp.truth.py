import mpmath as mp
from truth import Point, Step, d, delta, logsumexp, one_hot, reals, softmax

# Section 1: c is any constant that does not depend on the logits (stated), so the derivative
# of z_i - c by z_i is 1. Section 3 picks c = log sum_k e^{z_k} (it then depends on z). The
# target y is one-hot (stated).


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n), c=mp.mpf(rng.uniform(-3, 3)))


def p(z, i):
    return softmax(z)[i - 1]


def shifted(v, n, i):
    return mp.exp(v.z[i - 1] - v.c) / sum(mp.exp(t - v.c) for t in v.z)


def L(y, z):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(
        16,
        48,
        indices=I,
        lhs=shifted,
        rhs=lambda v, n, i: (
            mp.exp(-v.c) * mp.exp(v.z[i - 1]) / (mp.exp(-v.c) * sum(mp.exp(t) for t in v.z))
        ),
    ),
    Step(
        16,
        103,
        indices=I,
        lhs=lambda v, n, i: (
            mp.exp(-v.c) * mp.exp(v.z[i - 1]) / (mp.exp(-v.c) * sum(mp.exp(t) for t in v.z))
        ),
        rhs=lambda v, n, i: p(v.z, i),
    ),
    Step(
        22,
        41,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: z[i - 1] - v.c, v.z, i),
        rhs=lambda v, n, i: 1,
        note="c is a constant here (section 1); its later definition does not apply",
    ),
    Step(33, 3, kind="definition"),
    Step(
        33,
        34,
        lhs=lambda v, n: L(v.y, v.z),
        rhs=lambda v, n: -sum(v.y[k] * v.z[k] for k in range(n)) + logsumexp(v.z),
        note="uses that y is one-hot (stated)",
    ),
    Step(
        39,
        33,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: L(v.y, z), v.z, i),
        rhs=lambda v, n, i: -v.y[i - 1] + p(v.z, i),
    ),
    Step(
        39,
        81,
        indices=I,
        lhs=lambda v, n, i: -v.y[i - 1] + p(v.z, i),
        rhs=lambda v, n, i: p(v.z, i) - v.y[i - 1],
    ),
    Step(47, 3, kind="definition"),
    Step(
        53,
        10,
        indices=I,
        lhs=lambda v, n, i: mp.log(p(v.z, i)),
        rhs=lambda v, n, i: v.z[i - 1] - logsumexp(v.z),
    ),
    Step(
        59,
        40,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: mp.log(p(z, i)), v.z, j),
        rhs=lambda v, n, i, j: delta(i, j) - p(v.z, j),
    ),
    Step(
        59,
        95,
        indices=IJ,
        lhs=lambda v, n, i, j: delta(i, j) - p(v.z, j),
        rhs=lambda v, n, i, j: delta(i, j) + p(v.z, j),
        note="planted: the sign of p_j",
    ),
]
