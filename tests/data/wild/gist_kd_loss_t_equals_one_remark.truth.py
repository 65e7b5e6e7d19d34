import mpmath as mp
from truth import Point, Step, d, distribution, reals, softmax

# T is a free temperature; "For $T = 1$ it is the ordinary softmax" is a remark about one case,
# not a definition of T. p is a distribution (stated: "they sum to one").


def sample(rng, n):
    return Point(z=reals(rng, n), p=distribution(rng, n), T=mp.mpf(rng.uniform(0.3, 4)))


def q(v, z):
    return softmax([t / v.T for t in z])


def C(v, z):
    return -sum(v.p[j] * mp.log(q(v, z)[j]) for j in range(len(z)))


I = ("i",)
gap = lambda v, i: q(v, v.z)[i - 1] - v.p[i - 1]

STEPS = [
    Step(6, 7, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(
        14,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: C(v, z), v.z, i),
        rhs=lambda v, n, i: v.T * gap(v, i),
        note="planted: T instead of 1/T",
    ),
    Step(
        18,
        41,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: v.T**2 * C(v, z), v.z, i),
        rhs=lambda v, n, i: v.T**3 * gap(v, i),
        note="carries the slip of line 14",
    ),
]
