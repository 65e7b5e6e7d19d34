import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# \nabla_{z_i} is the partial derivative by the one logit z_i (the text says so at line 4).


def sample(rng, n):
    return Point(z=reals(rng, n))


def lse(z):
    return mp.log(sum(mp.exp(t) for t in z))


p = lambda v, i: softmax(v.z)[i - 1]

STEPS = [
    Step(7, 7, kind="definition"),
    Step(
        13,
        38,
        indices=("i",),
        lhs=lambda v, n, i: d(lse, v.z, i),
        rhs=lambda v, n, i: mp.exp(v.z[i - 1]) / sum(mp.exp(t) for t in v.z),
    ),
    Step(
        13,
        73,
        indices=("i",),
        lhs=lambda v, n, i: mp.exp(v.z[i - 1]) / sum(mp.exp(t) for t in v.z),
        rhs=lambda v, n, i: p(v, i),
    ),
    Step(
        19,
        20,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda z: softmax(z)[i - 1], v.z, k),
        rhs=lambda v, n, i, k: p(v, i) * (delta(i, k) - p(v, k)),
    ),
    Step(
        25,
        25,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda z: mp.log(softmax(z)[i - 1]), v.z, k),
        rhs=lambda v, n, i, k: delta(i, k) + p(v, k),
        note="planted: the sign of p_k (log-softmax row is delta_ik - p_k)",
    ),
]
