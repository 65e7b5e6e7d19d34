import mpmath as mp
from truth import Point, Step, d, reals, softmax

# Student logits z, teacher logits v, temperature T > 0; p (teacher) sums to one. Planted: the
# T² scaled gradient written T²(q_i - p_i), the 1/T of the softmax forgotten.


def sample(rng, n):
    return Point(z=reals(rng, n), v=reals(rng, n), T=mp.mpf(rng.uniform(0.5, 4)))


def q(v, z, i):
    return softmax([x / v.T for x in z])[i - 1]


def p(v, i):
    return softmax([x / v.T for x in v.v])[i - 1]


def C(v, z):
    return -sum(p(v, j) * mp.log(q(v, z, j)) for j in range(1, len(z) + 1))


def delta(i, j):
    return 1 if i == j else 0


I = ("i",)

STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        5,
        31,
        indices=I,
        lhs=lambda v, n, i: q(v, v.z, i),
        rhs=lambda v, n, i: mp.exp(v.z[i - 1] / v.T) / sum(mp.exp(x / v.T) for x in v.z),
    ),
    Step(7, 7, kind="definition"),
    Step(11, 5, kind="definition"),
    Step(
        15,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: C(v, z), v.z, i),
        rhs=lambda v, n, i: (
            -sum(p(v, j) / v.T * (delta(i, j) - q(v, v.z, i)) for j in range(1, n + 1))
        ),
    ),
    Step(
        15,
        80,
        indices=I,
        lhs=lambda v, n, i: (
            -sum(p(v, j) / v.T * (delta(i, j) - q(v, v.z, i)) for j in range(1, n + 1))
        ),
        rhs=lambda v, n, i: (q(v, v.z, i) - p(v, i)) / v.T,
    ),
    Step(
        19,
        39,
        indices=I,
        lhs=lambda v, n, i: v.T**2 * d(lambda z: C(v, z), v.z, i),
        rhs=lambda v, n, i: v.T**2 * (q(v, v.z, i) - p(v, i)),
        note="planted: T^2 (q - p) where T (q - p) is right",
    ),
]
