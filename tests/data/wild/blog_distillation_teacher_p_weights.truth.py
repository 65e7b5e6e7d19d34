import mpmath as mp
from truth import Point, Step, d, distribution, reals, softmax

# p: the teacher's probabilities, given (they sum to one: stated); q: the student's softmax at T.


def sample(rng, n):
    return Point(z=reals(rng, n), p=distribution(rng, n), T=mp.mpf(rng.uniform(0.5, 4)))


def q(v, z, i):
    return softmax([t / v.T for t in z])[i - 1]


def C(v, z):
    return -sum(v.p[i] * mp.log(q(v, z, i + 1)) for i in range(len(z)))


def dC(v, k):
    return d(lambda z: C(v, z), v.z, k)


STEPS = [
    Step(5, 7, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(
        12,
        17,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(q(v, v.z, i)),
        rhs=lambda v, n, i: v.z[i - 1] / v.T - mp.log(sum(mp.exp(t / v.T) for t in v.z)),
    ),
    Step(
        14,
        35,
        indices=("k",),
        lhs=lambda v, n, k: dC(v, k),
        rhs=lambda v, n, k: -v.p[k - 1] / v.T + sum(v.p) * q(v, v.z, k) / v.T,
    ),
    Step(
        14,
        92,
        indices=("k",),
        lhs=lambda v, n, k: -v.p[k - 1] / v.T + sum(v.p) * q(v, v.z, k) / v.T,
        rhs=lambda v, n, k: (q(v, v.z, k) - v.p[k - 1]) / v.T,
    ),
    Step(  # multiplies by T instead of dividing: wrong
        18,
        35,
        indices=("k",),
        lhs=lambda v, n, k: dC(v, k),
        rhs=lambda v, n, k: v.T * (q(v, v.z, k) - v.p[k - 1]),
    ),
]
