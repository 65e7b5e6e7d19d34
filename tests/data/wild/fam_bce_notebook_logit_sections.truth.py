import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A notebook: the logit f = w^T x + b (x a vector there), the loss restated at each label value
# (the y = 0 line copies the y = 1 one), then a new section where x is the logit itself.
SIZES = (1,)


def sample(rng, n):
    # "y is the true label (either 0 or 1)"
    return Point(f=mp.mpf(rng.uniform(-4, 4)), t=mp.mpf(rng.uniform(-4, 4)))


def loss(y, f):
    return -y * mp.log(sigmoid(f)) - (1 - y) * mp.log(1 - sigmoid(f))


def p(t):
    return 1 / (1 + mp.exp(-t))


def e(t):
    return mp.exp(-t)


STEPS = [
    Step(4, 4, kind="definition"),
    Step(7, 5, kind="definition"),
    Step(12, 26, kind="hypothesis"),
    Step(15, 7, lhs=lambda v, n: loss(1, v.f), rhs=lambda v, n: -mp.log(sigmoid(v.f))),
    Step(18, 26, kind="hypothesis"),
    Step(
        21,
        7,
        lhs=lambda v, n: loss(0, v.f),
        rhs=lambda v, n: -mp.log(sigmoid(v.f)),
        note="copied from the y = 1 case: -log(1 - sigma(f))",
    ),
    Step(29, 3, kind="definition"),
    Step(33, 3, kind="definition"),
    Step(39, 3, lhs=lambda v, n: p(v.t), rhs=lambda v, n: (1 + e(v.t)) ** -1),
    Step(
        43,
        15,
        lhs=lambda v, n: dscalar(p, v.t),
        rhs=lambda v, n: -((1 + e(v.t)) ** -2) * (-e(v.t)),
    ),
    Step(
        43,
        52,
        lhs=lambda v, n: -((1 + e(v.t)) ** -2) * (-e(v.t)),
        rhs=lambda v, n: e(v.t) / (1 + e(v.t)) ** 2,
    ),
    Step(
        43, 84, lhs=lambda v, n: e(v.t) / (1 + e(v.t)) ** 2, rhs=lambda v, n: p(v.t) * (1 - p(v.t))
    ),
    Step(
        49,
        15,
        lhs=lambda v, n: dscalar(lambda t: mp.log(p(t)), v.t),
        rhs=lambda v, n: (1 / p(v.t)) * p(v.t) * (1 - p(v.t)),
    ),
    Step(
        49, 44, lhs=lambda v, n: (1 / p(v.t)) * p(v.t) * (1 - p(v.t)), rhs=lambda v, n: 1 - p(v.t)
    ),
]
