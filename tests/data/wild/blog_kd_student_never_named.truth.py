import mpmath as mp
from truth import Point, Step, d, reals, softmax

# What the author means: p are the teacher's softened outputs (targets, logits v), q the
# student's softened outputs of its logits z; the first sentence's p_i (of z) is the generic
# softened softmax, reused as a name for the teacher. No planted mistake: a trap for a reader
# that takes q as a free variable and p as a function of the student's z.


def sample(rng, n):
    return Point(z=reals(rng, n), v=reals(rng, n), T=mp.mpf(rng.uniform(0.5, 4)))


def q(v, z, i):
    return softmax([x / v.T for x in z])[i - 1]


def p(v, i):
    return softmax([x / v.T for x in v.v])[i - 1]


def loss(v, z):
    return -sum(p(v, i) * mp.log(q(v, z, i)) for i in range(1, len(z) + 1))


STEPS = [
    Step(3, 90, kind="definition"),
    Step(8, 13, kind="definition"),
    Step(
        14,
        43,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: loss(v, z), v.z, i),
        rhs=lambda v, n, i: (q(v, v.z, i) - p(v, i)) / v.T,
    ),
]
