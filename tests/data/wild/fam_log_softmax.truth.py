import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), g=reals(rng, n))


def logsm(z, i):
    return mp.log(softmax(z)[i - 1])


def p(v):
    return softmax(v.z)


def E(v):
    return sum(mp.exp(t) for t in v.z)


def jac(v, i, k):
    return d(lambda z: logsm(z, i), v.z, k)


def written(v, n, i, k):
    """The pmatrix with dots: 1 - p_k on the diagonal, -p_k elsewhere in column k."""
    q = p(v)
    return 1 - q[k - 1] if i == k else -q[k - 1]


IK = ("i", "k")

STEPS = [
    Step(
        11,
        39,
        indices=("i",),
        lhs=lambda v, n, i: logsm(v.z, i),
        rhs=lambda v, n, i: mp.log(mp.exp(v.z[i - 1]) / E(v)),
    ),
    Step(
        11,
        85,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(mp.exp(v.z[i - 1]) / E(v)),
        rhs=lambda v, n, i: v.z[i - 1] - mp.log(E(v)),
    ),
    Step(
        19,
        69,
        indices=IK,
        lhs=lambda v, n, i, k: jac(v, i, k),
        rhs=lambda v, n, i, k: delta(i, k) - mp.exp(v.z[k - 1]) / E(v),
    ),
    Step(
        19,
        118,
        indices=IK,
        lhs=lambda v, n, i, k: delta(i, k) - mp.exp(v.z[k - 1]) / E(v),
        rhs=lambda v, n, i, k: delta(i, k) - p(v)[k - 1],
    ),
    Step(23, 74, indices=IK, lhs=lambda v, n, i, k: jac(v, i, k), rhs=written),
    Step(
        28,
        15,
        indices=IK,
        lhs=written,
        rhs=lambda v, n, i, k: delta(i, k) - 1 * p(v)[k - 1],
    ),
    Step(
        37,
        62,
        indices=("i",),
        lhs=lambda v, n, i: sum((delta(j, i) - p(v)[i - 1]) * v.g[j - 1] for j in range(1, n + 1)),
        rhs=lambda v, n, i: v.g[i - 1] - p(v)[i - 1] * sum(v.g),
    ),
    Step(
        48,
        38,
        indices=("k", "c"),
        lhs=lambda v, n, k, c: d(lambda z: -logsm(z, c), v.z, k),
        rhs=lambda v, n, k, c: p(v)[k - 1] - delta(k, c),
    ),
]
