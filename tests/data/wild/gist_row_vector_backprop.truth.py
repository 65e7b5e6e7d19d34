import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# Row-vector convention (stated): p^T p is the K x K outer product p_r p_c; the Jacobian has the
# output index on rows: entry (r, c) is dp_r/dz_c. A row gradient times the Jacobian:
# [dL/dz]_c = sum_r dL/dp_r J_rc. y is one-hot.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


p = lambda v, i: softmax(v.z)[i - 1]


def L(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def J(v, r, c):
    return delta(r, c) * p(v, r) - p(v, r) * p(v, c)


dLdp = lambda v, r: -v.y[r - 1] / p(v, r)

STEPS = [
    Step(10, 7, kind="definition"),
    Step(10, 58, kind="definition"),
    Step(
        16,
        51,
        indices=("r", "c"),
        lhs=lambda v, n, r, c: d(lambda z: softmax(z)[r - 1], v.z, c),
        rhs=lambda v, n, r, c: J(v, r, c),
    ),
    Step(
        20,
        42,
        indices=("c",),
        lhs=lambda v, n, c: d(lambda z: L(v, z), v.z, c),
        rhs=lambda v, n, c: sum(dLdp(v, r) * J(v, r, c) for r in range(1, n + 1)),
    ),
    Step(
        24,
        42,
        indices=("c",),
        lhs=lambda v, n, c: d(lambda z: L(v, z), v.z, c),
        rhs=lambda v, n, c: p(v, c) - v.y[c - 1],
    ),
]
