import mpmath as mp
from truth import Point, Step, d, distribution, reals, softmax

# a distillation post: "the teacher scores $p$" are the teacher's softened probabilities (the
# post's own sentence: "match the softened outputs of a big teacher"), so they sum to one;
# T > 0; planted: the 1/T of the chain rule dropped


def sample(rng, n):
    return Point(z=reals(rng, n), p=distribution(rng, n), T=mp.mpf(rng.uniform(0.5, 5)))


def q(v, z=None):
    return softmax([x / v.T for x in (v.z if z is None else z)])


def dC(v, i):
    return d(lambda z: -sum(pj * mp.log(qj) for pj, qj in zip(v.p, q(v, z))), v.z, i)


def middle(v, n, i):
    return -v.p[i - 1] / v.T + q(v)[i - 1] / v.T * sum(v.p)


I = ("i",)

STEPS = [
    Step(12, 7, kind="definition"),
    Step(16, 5, kind="definition"),
    Step(20, 35, indices=I, lhs=lambda v, n, i: dC(v, i), rhs=middle),
    Step(
        20,
        78,
        indices=I,
        lhs=middle,
        rhs=lambda v, n, i: (q(v)[i - 1] - v.p[i - 1]) / v.T,
        note="uses sum_j p_j = 1: the teacher's softened outputs",
    ),
    Step(
        25,
        35,
        indices=I,
        lhs=lambda v, n, i: dC(v, i),
        rhs=lambda v, n, i: q(v)[i - 1] - v.p[i - 1],
        note="planted: the 1/T dropped",
    ),
]
