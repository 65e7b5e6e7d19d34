import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# a distillation post writing the softmaxes at temperature T as p_i^T, q^T_i; the teacher's
# outputs sum to one by their definition; planted: the 1/T of the chain rule dropped


def sample(rng, n):
    return Point(v=reals(rng, n), z=reals(rng, n), T=mp.mpf(rng.uniform(0.5, 5)))


def q(v, z=None):
    return softmax([x / v.T for x in (v.z if z is None else z)])


def p(v):
    return softmax([x / v.T for x in v.v])


def loss(v, z):
    return -sum(pi * mp.log(qi) for pi, qi in zip(p(v), q(v, z)))


def chain(v, n, k):
    """The middle side as written: -Σ_i p_i/q_i ∂q_i/∂z_k."""
    return -sum(
        p(v)[i - 1] / q(v)[i - 1] * d(lambda z, i=i: q(v, z)[i - 1], v.z, k)
        for i in range(1, n + 1)
    )


STEPS = [
    Step(6, 11, kind="definition"),
    Step(6, 72, kind="definition"),
    Step(10, 19, kind="definition"),
    Step(
        14,
        39,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda z: q(v, z)[i - 1], v.z, k),
        rhs=lambda v, n, i, k: q(v)[i - 1] * (delta(i, k) - q(v)[k - 1]) / v.T,
    ),
    Step(
        18,
        49,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: loss(v, z), v.z, k),
        rhs=chain,
    ),
    Step(
        18,
        115,
        indices=("k",),
        lhs=chain,
        rhs=lambda v, n, k: (q(v)[k - 1] - p(v)[k - 1]) / v.T,
    ),
    Step(
        22,
        49,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: loss(v, z), v.z, k),
        rhs=lambda v, n, k: q(v)[k - 1] - p(v)[k - 1],
    ),
]
