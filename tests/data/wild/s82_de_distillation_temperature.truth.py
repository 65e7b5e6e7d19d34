import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# A German blog post on the soft loss of knowledge distillation: student logits z, temperature
# T > 0, q_i = e^{z_i/T} / Σ_j e^{z_j/T}, soft targets p from the teacher at the same temperature
# (stated to sum to one), L = -Σ_j p_j log q_j, and ∂L/∂z_i = (1/T)(q_i - p_i). The restated
# "wobei im letzten Schritt $\sum_j p_j = 1$ benutzt wurde" is a hypothesis. Planted: a dropped
# factor, ∂ log q_j/∂z_i = (1/q_j) ∂q_j/∂z_i written δ_ij - q_i without the 1/T of the chain rule
# (the very next display uses the right (1/T)(δ_ij - q_i) again, so only that step fails).


def sample(rng, n):
    return Point(z=reals(rng, n), v=reals(rng, n), T=mp.mpf(rng.uniform(0.5, 4)))


def q_of(z, T):
    return softmax([t / T for t in z])


def q(v, i):
    return q_of(v.z, v.T)[i - 1]


def p(v, i):
    return softmax([t / v.T for t in v.v])[i - 1]


def L(v, z):
    return -mp.fsum(p(v, j) * mp.log(qj) for j, qj in enumerate(q_of(z, v.T), 1))


def dq(v, j, i):
    return d(lambda z: q_of(z, v.T)[j - 1], v.z, i)


def dlogq(v, j, i):
    return d(lambda z: mp.log(q_of(z, v.T)[j - 1]), v.z, i)


def dL(v, i):
    return d(lambda z: L(v, z), v.z, i)


IJ = ("i", "j")
I = ("i",)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(7, 7, kind="definition"),
    Step(9, 118, kind="hypothesis", note="the soft targets sum to one"),
    Step(11, 5, kind="definition"),
    Step(
        15,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dq(v, j, i),
        rhs=lambda v, n, i, j: q(v, j) * (delta(i, j) - q(v, i)) / v.T,
    ),
    Step(
        19,
        42,
        indices=IJ,
        lhs=lambda v, n, i, j: dlogq(v, j, i),
        rhs=lambda v, n, i, j: dq(v, j, i) / q(v, j),
    ),
    Step(
        19,
        92,
        indices=IJ,
        lhs=lambda v, n, i, j: dq(v, j, i) / q(v, j),
        rhs=lambda v, n, i, j: delta(i, j) - q(v, i),
        note="planted: the factor 1/T dropped (it is (1/T)(δ_ij - q_i))",
    ),
    *chain(
        [(23, 35), (23, 88), (23, 133)],
        [
            lambda v, n, i: dL(v, i),
            lambda v, n, i: -mp.fsum(p(v, j) * dlogq(v, j, i) for j in range(1, n + 1)),
            lambda v, n, i: (
                -mp.fsum(p(v, j) * (delta(i, j) - q(v, i)) for j in range(1, n + 1)) / v.T
            ),
            lambda v, n, i: (q(v, i) - p(v, i)) / v.T,
        ],
        indices=I,
    ),
    Step(25, 38, kind="hypothesis", note="restated: the soft targets sum to one"),
    *chain(
        [(29, 41), (29, 76)],
        [
            lambda v, n, i: d(lambda z: v.T**2 * L(v, z), v.z, i),
            lambda v, n, i: v.T**2 * (q(v, i) - p(v, i)) / v.T,
            lambda v, n, i: v.T * (q(v, i) - p(v, i)),
        ],
        indices=I,
    ),
]
