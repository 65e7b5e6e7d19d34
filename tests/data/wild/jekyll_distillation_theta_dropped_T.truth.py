import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    # stated: T > 0; r positive and summing to one
    return Point(theta=reals(rng, n), T=mp.mpf(rng.uniform(0.5, 4)), r=distribution(rng, n))


def q_of(theta, T):
    return softmax([t / T for t in theta])


def q(v, i):
    return q_of(v.theta, v.T)[i - 1]


def dlogq(v, k, i):
    return d(lambda th: mp.log(q_of(th, v.T)[k - 1]), v.theta, i)


def C(v, theta):
    return -sum(v.r[k] * mp.log(q_of(theta, v.T)[k]) for k in range(len(theta)))


def Z(v):
    return sum(mp.exp(t / v.T) for t in v.theta)


def ks(n):
    return range(1, n + 1)


IK = ("i", "k")

STEPS = [
    Step(9, 7, kind="definition"),
    Step(13, 5, kind="definition"),
    Step(
        17,
        12,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(q(v, k)),
        rhs=lambda v, n, k: v.theta[k - 1] / v.T - mp.log(Z(v)),
    ),
    Step(
        21,
        47,
        indices=IK,
        lhs=lambda v, n, i, k: dlogq(v, k, i),
        rhs=lambda v, n, i, k: delta(i, k) / v.T - 1 / v.T * mp.exp(v.theta[i - 1] / v.T) / Z(v),
    ),
    Step(
        21,
        150,
        indices=IK,
        lhs=lambda v, n, i, k: delta(i, k) / v.T - 1 / v.T * mp.exp(v.theta[i - 1] / v.T) / Z(v),
        rhs=lambda v, n, i, k: (delta(i, k) - q(v, i)) / v.T,
    ),
    Step(
        25,
        40,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda th: C(v, th), v.theta, i),
        rhs=lambda v, n, i: -sum(v.r[k - 1] * dlogq(v, k, i) for k in ks(n)),
    ),
    Step(
        25,
        106,
        indices=("i",),
        lhs=lambda v, n, i: -sum(v.r[k - 1] * dlogq(v, k, i) for k in ks(n)),
        rhs=lambda v, n, i: -sum(v.r[k - 1] * (delta(i, k) - q(v, i)) for k in ks(n)),
        note="drops the 1/T of step 1",
    ),
    Step(
        25,
        158,
        indices=("i",),
        lhs=lambda v, n, i: -sum(v.r[k - 1] * (delta(i, k) - q(v, i)) for k in ks(n)),
        rhs=lambda v, n, i: q(v, i) - v.r[i - 1],
        note="uses the stated sum_k r_k = 1",
    ),
]
