import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    # stated: T > 0
    return Point(z=reals(rng, n), v=reals(rng, n), T=mp.mpf(rng.uniform(0.5, 5)))


def tempered(x, T):
    return softmax([t / T for t in x])


def q(v):
    return tempered(v.z, v.T)


def p(v):
    return tempered(v.v, v.T)


def C(v, z):
    return -sum(pj * mp.log(qj) for pj, qj in zip(p(v), tempered(z, v.T), strict=True))


def dq(v, j, i):
    """∂q_j/∂z_i of the definition."""
    return d(lambda z: tempered(z, v.T)[j - 1], v.z, i)


def dC(v, i):
    return d(lambda z: C(v, z), v.z, i)


def chain(v, n, i):
    return -sum(p(v)[j - 1] / q(v)[j - 1] * dq(v, j, i) for j in range(1, n + 1))


def line2(v, n, i):
    return -sum(p(v)[j - 1] * (delta(i, j) - q(v)[i - 1]) for j in range(1, n + 1)) / v.T


def line3(v, n, i):
    return -(p(v)[i - 1] - q(v)[i - 1] * sum(p(v))) / v.T


def line4(v, n, i):
    return (q(v)[i - 1] - p(v)[i - 1]) / v.T


VEC = ("i",)

STEPS = [
    Step(12, 7, kind="definition"),
    Step(14, 7, kind="definition"),
    Step(19, 5, kind="definition"),
    Step(
        26,
        37,
        indices=("j", "i"),
        lhs=lambda v, n, j, i: dq(v, j, i),
        rhs=lambda v, n, j, i: q(v)[j - 1] * (delta(i, j) - q(v)[i - 1]) / v.T,
    ),
    Step(32, 35, indices=VEC, lhs=lambda v, n, i: dC(v, i), rhs=chain),
    Step(32, 97, indices=VEC, lhs=chain, rhs=line2),
    Step(32, 156, indices=VEC, lhs=line2, rhs=line3),
    Step(32, 206, indices=VEC, lhs=line3, rhs=line4),
    Step(
        37,
        24,
        indices=VEC,
        lhs=lambda v, n, i: dC(v, i),
        rhs=lambda v, n, i: q(v)[i - 1] - p(v)[i - 1],
        note="the 1/T of the line above is missing",
    ),
    Step(
        49,
        41,
        indices=VEC,
        lhs=lambda v, n, i: d(lambda z: v.T**2 * C(v, z), v.z, i),
        rhs=lambda v, n, i: v.T * (q(v)[i - 1] - p(v)[i - 1]),
    ),
]
