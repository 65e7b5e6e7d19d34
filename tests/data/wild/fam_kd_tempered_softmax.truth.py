import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals

# sigma_T(z) = softmax(z / T); p the teacher's soft targets (a distribution, as stated).
# Planted mistake: the T^2-scaled gradient keeps T^2 instead of T (T^2 * (1/T) = T).


def sample(rng, n):
    return Point(z=reals(rng, n), p=distribution(rng, n), T=mp.mpf(rng.uniform(0.5, 4)))


def s(x, T):
    e = [mp.exp(t / T) for t in x]
    return [t / sum(e) for t in e]


def C(v, x):
    return -sum(pk * mp.log(sk) for pk, sk in zip(v.p, s(x, v.T), strict=True))


STEPS = [
    Step(5, 17, kind="definition"),
    Step(
        13,
        47,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d(lambda x: s(x, v.T)[i - 1], v.z, j),
        rhs=lambda v, n, i, j: s(v.z, v.T)[i - 1] * (delta(i, j) - s(v.z, v.T)[j - 1]) / v.T,
    ),
    Step(19, 5, kind="definition"),
    Step(
        21,
        27,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(s(v.z, v.T)[k - 1]),
        rhs=lambda v, n, k: v.z[k - 1] / v.T - mp.log(sum(mp.exp(t / v.T) for t in v.z)),
    ),
    Step(
        23,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda x: C(v, x), v.z, i),
        rhs=lambda v, n, i: (s(v.z, v.T)[i - 1] - v.p[i - 1]) / v.T,
    ),
    Step(
        28,
        41,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda x: v.T**2 * C(v, x), v.z, i),
        rhs=lambda v, n, i: v.T**2 * (s(v.z, v.T)[i - 1] - v.p[i - 1]),
    ),
]
