import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    # T > 0; soft targets t "that sum to one"
    return Point(z=reals(rng, n), T=mp.mpf(rng.uniform(0.3, 4)), t=distribution(rng, n))


def q_of(z, T):
    return softmax([x / T for x in z])


def q(v, i, T=None):
    return q_of(v.z, v.T if T is None else T)[i - 1]


def dq(v, i, j, T=None):
    return d(lambda z: q_of(z, v.T if T is None else T)[i - 1], v.z, j)


def dC(v, i):
    return d(lambda z: -sum(t * mp.log(p) for t, p in zip(v.t, q_of(z, v.T))), v.z, i)


STEPS = [
    Step(
        5,
        37,
        lhs=lambda v, n, i, j: dq(v, i, j),
        rhs=lambda v, n, i, j: q(v, i) * (delta(i, j) - q(v, j)) / v.T,
        indices=("i", "j"),
    ),
    # "For T = 1 this is the familiar softmax Jacobian": a statement at T = 1
    Step(
        9,
        37,
        lhs=lambda v, n, i, j: dq(v, i, j, T=1),
        rhs=lambda v, n, i, j: q(v, i, T=1) * (delta(i, j) - q(v, j, T=1)),
        indices=("i", "j"),
    ),
    Step(
        13,
        35,
        lhs=lambda v, n, i: dC(v, i),
        rhs=lambda v, n, i: (q(v, i) - v.t[i - 1]) / v.T,
        indices=("i",),
    ),
    # the planted mistake: the 1/T factor dropped
    Step(
        17,
        35,
        lhs=lambda v, n, i: dC(v, i),
        rhs=lambda v, n, i: q(v, i) - v.t[i - 1],
        indices=("i",),
    ),
]
