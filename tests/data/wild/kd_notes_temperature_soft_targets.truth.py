import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax

# T > 0 (stated); r is a categorical distribution (r_k >= 0, ||r||_1 = 1, stated).


def sample(rng, n):
    return Point(z=reals(rng, n), r=distribution(rng, n), T=mp.mpf(rng.uniform(0.3, 4)))


def q(v, z):
    return softmax([t / v.T for t in z])


def C(v, z):
    return -sum(v.r[k] * mp.log(q(v, z)[k]) for k in range(len(z)))


qi = lambda v, i: q(v, v.z)[i - 1]
dq = lambda v, i, j: d(lambda z: q(v, z)[i - 1], v.z, j)
ks = lambda n: range(1, n + 1)
I = ("i",)

STEPS = [
    Step(8, 7, kind="definition"),
    Step(13, 15, kind="definition"),
    Step(
        19,
        37,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dq(v, i, j),
        rhs=lambda v, n, i, j: v.T * qi(v, i) * (delta(i, j) - qi(v, j)),
        note="planted: T instead of 1/T",
    ),
    Step(
        25,
        6,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: C(v, z), v.z, i),
        rhs=lambda v, n, i: -sum(v.r[k - 1] / qi(v, k) * dq(v, k, i) for k in ks(n)),
    ),
    Step(
        26,
        6,
        indices=I,
        lhs=lambda v, n, i: -sum(v.r[k - 1] / qi(v, k) * dq(v, k, i) for k in ks(n)),
        rhs=lambda v, n, i: -1 / v.T * sum(v.r[k - 1] * (delta(k, i) - qi(v, i)) for k in ks(n)),
    ),
    Step(
        27,
        6,
        indices=I,
        lhs=lambda v, n, i: -1 / v.T * sum(v.r[k - 1] * (delta(k, i) - qi(v, i)) for k in ks(n)),
        rhs=lambda v, n, i: 1 / v.T * (qi(v, i) * sum(v.r) - v.r[i - 1]),
    ),
    Step(
        28,
        6,
        indices=I,
        lhs=lambda v, n, i: 1 / v.T * (qi(v, i) * sum(v.r) - v.r[i - 1]),
        rhs=lambda v, n, i: (qi(v, i) - v.r[i - 1]) / v.T,
        note="uses ||r||_1 = 1 (stated)",
    ),
]
