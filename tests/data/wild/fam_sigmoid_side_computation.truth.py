import mpmath as mp
from truth import Point, Step, sigmoid

# a proof from the right-hand side, numbered steps; step 3 works on one factor on the side
# (planted: + 1 for - 1 in its numerator), step 4 goes back to the product of step 2


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-4, 4)))


def q(v):
    return 1 + mp.exp(-v.x)


STEPS = [
    Step(
        11,
        6,
        lhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
        rhs=lambda v, n: (1 / q(v)) * (1 - 1 / q(v)),
    ),
    Step(14, 31, lhs=lambda v, n: 1 - 1 / q(v), rhs=lambda v, n: q(v) / q(v) - 1 / q(v)),
    Step(
        15,
        6,
        lhs=lambda v, n: q(v) / q(v) - 1 / q(v),
        rhs=lambda v, n: (1 + mp.exp(-v.x) + 1) / q(v),
        note="planted: + 1 for - 1",
    ),
    Step(
        16,
        6,
        lhs=lambda v, n: (1 + mp.exp(-v.x) + 1) / q(v),
        rhs=lambda v, n: mp.exp(-v.x) / q(v),
        note="false against the line above as written",
    ),
    Step(
        19,
        6,
        lhs=lambda v, n: (1 / q(v)) * (1 - 1 / q(v)),
        rhs=lambda v, n: (1 / q(v)) * (mp.exp(-v.x) / q(v)),
        note="goes on from the product of step 2, not from the side computation",
    ),
    Step(
        22,
        6,
        lhs=lambda v, n: (1 / q(v)) * (mp.exp(-v.x) / q(v)),
        rhs=lambda v, n: mp.exp(-v.x) / q(v) ** 2,
    ),
]
