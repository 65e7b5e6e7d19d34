import mpmath as mp
from truth import Point, Step, d, d2, delta, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n, 5.0), c=mp.mpf(rng.uniform(-3, 3)), u=reals(rng, n))


def lse(z):
    """The document's definition."""
    return mp.log(sum(mp.exp(t) for t in z))


def m(v):
    return max(v.z)


def shifted_sum(v):
    return sum(mp.exp(t - m(v)) for t in v.z)


def hess(v, i, j):
    return d2(lse, v.z, i, j)


def jac_p(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def p(v):
    return softmax(v.z)


IJ = ("i", "j")

STEPS = [
    Step(10, 20, kind="definition"),
    Step(22, 6, lhs=lambda v, n: lse(v.z), rhs=lambda v, n: mp.log(mp.exp(m(v)) * shifted_sum(v))),
    Step(
        23,
        6,
        lhs=lambda v, n: mp.log(mp.exp(m(v)) * shifted_sum(v)),
        rhs=lambda v, n: mp.log(mp.exp(m(v))) + mp.log(shifted_sum(v)),
    ),
    Step(
        24,
        6,
        lhs=lambda v, n: mp.log(mp.exp(m(v))) + mp.log(shifted_sum(v)),
        rhs=lambda v, n: m(v) + mp.log(shifted_sum(v)),
    ),
    Step(
        30,
        34,
        lhs=lambda v, n: lse([t + v.c for t in v.z]),
        rhs=lambda v, n: lse(v.z) + v.c,
    ),
    Step(
        38,
        5,
        indices=("i",),
        lhs=lambda v, n, i: d(lse, v.z, i),
        rhs=lambda v, n, i: mp.exp(v.z[i - 1]) / sum(mp.exp(t) for t in v.z),
    ),
    Step(
        39,
        5,
        indices=("i",),
        lhs=lambda v, n, i: mp.exp(v.z[i - 1]) / sum(mp.exp(t) for t in v.z),
        rhs=lambda v, n, i: p(v)[i - 1],
    ),
    Step(
        48,
        29,
        indices=IJ,
        lhs=lambda v, n, i, j: hess(v, i, j),
        rhs=lambda v, n, i, j: jac_p(v, i, j),
    ),
    Step(
        49,
        5,
        indices=IJ,
        lhs=lambda v, n, i, j: jac_p(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * p(v)[i - 1] + p(v)[i - 1] * p(v)[j - 1],
        note="diag(p) + pp^T: the outer product enters with a minus sign",
    ),
    Step(
        54,
        5,
        lhs=lambda v, n: sum(
            v.u[i - 1] * hess(v, i, j) * v.u[j - 1]
            for i in range(1, n + 1)
            for j in range(1, n + 1)
        ),
        rhs=lambda v, n: (
            sum(pk * uk**2 for pk, uk in zip(p(v), v.u, strict=True))
            - sum(pk * uk for pk, uk in zip(p(v), v.u, strict=True)) ** 2
        ),
    ),
]
