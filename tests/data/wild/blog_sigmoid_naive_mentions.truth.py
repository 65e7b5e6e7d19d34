import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a blog post on the logistic function's derivative that quotes wrong formulas as slips
# ("Naively, $…$.", "Forgetting the inner derivative again, we get $…$", "Myth: $…$"):
# those are mentions, not steps, and are not transcribed; planted: σ'(-x) = -σ'(x) (σ' is even)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-4, 4)))


def ds(t):
    return dscalar(sigmoid, t)


def e(t):
    return mp.exp(t)


STEPS = [
    Step(9, 13, kind="definition"),
    Step(
        19,
        13,
        lhs=lambda v, n: ds(v.x),
        rhs=lambda v, n: dscalar(lambda t: (1 + e(-t)) ** -1, v.x),
    ),
    Step(
        20,
        2,
        lhs=lambda v, n: dscalar(lambda t: (1 + e(-t)) ** -1, v.x),
        rhs=lambda v, n: -((1 + e(-v.x)) ** -2) * (-e(-v.x)),
    ),
    Step(
        21,
        2,
        lhs=lambda v, n: -((1 + e(-v.x)) ** -2) * (-e(-v.x)),
        rhs=lambda v, n: e(-v.x) / (1 + e(-v.x)) ** 2,
    ),
    Step(
        22,
        2,
        lhs=lambda v, n: e(-v.x) / (1 + e(-v.x)) ** 2,
        rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
    ),
    Step(
        31,
        26,
        lhs=lambda v, n: dscalar(lambda t: sigmoid(2 * t), v.x),
        rhs=lambda v, n: 2 * sigmoid(2 * v.x) * (1 - sigmoid(2 * v.x)),
    ),
    Step(
        37,
        15,
        lhs=lambda v, n: ds(-v.x),
        rhs=lambda v, n: -ds(v.x),
        note="planted: σ' is even, σ'(-x) = σ'(x)",
    ),
    Step(
        41,
        15,
        lhs=lambda v, n: dscalar(ds, v.x),
        rhs=lambda v, n: ds(v.x) * (1 - 2 * sigmoid(v.x)),
    ),
]
