import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax

# Section 1: p = softmax(z). Section 2 reuses p for the teacher's probabilities (given, summing
# to one, as the text says) and q for the student's softmax at temperature T.


def sample(rng, n):
    return Point(z=reals(rng, n), teacher=distribution(rng, n), T=mp.mpf(rng.uniform(0.5, 4)))


def p(v, k):
    return softmax(v.z)[k - 1]


def q(v, z, i):
    return softmax([t / v.T for t in z])[i - 1]


def dC(v, i):
    return d(lambda z: -sum(v.teacher[k] * mp.log(q(v, z, k + 1)) for k in range(len(z))), v.z, i)


STEPS = [
    Step(7, 7, kind="definition"),
    Step(
        11,
        37,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: d(lambda z: softmax(z)[k - 1], v.z, i),
        rhs=lambda v, n, k, i: p(v, k) * (delta(k, i) - p(v, i)),
    ),
    Step(15, 47, kind="definition"),
    Step(19, 5, kind="definition"),
    Step(
        23,
        35,
        indices=("i",),
        lhs=lambda v, n, i: dC(v, i),
        rhs=lambda v, n, i: (q(v, v.z, i) - v.teacher[i - 1]) / v.T,
    ),
    Step(  # the temperature on the wrong side of the fraction: wrong
        27,
        35,
        indices=("i",),
        lhs=lambda v, n, i: dC(v, i),
        rhs=lambda v, n, i: v.T / (q(v, v.z, i) - v.teacher[i - 1]),
    ),
]
