import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A forum reply: \tanh^{-1} is the inverse function artanh (the reply says so), u an output of
# tanh in (-1, 1). Planted: the last rewrite of the slope, 2σ(2x)(1 + σ(2x)).

SIZES = (1,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-2, 2)), u=mp.mpf(rng.uniform(-0.9, 0.9)))


def slope(v, n):
    return 4 * sigmoid(2 * v.x) * (1 - sigmoid(2 * v.x))


STEPS = [
    Step(5, 24, lhs=lambda v, n: dscalar(mp.tanh, v.x), rhs=lambda v, n: 1 - mp.tanh(v.x) ** 2),
    Step(
        10,
        17,
        lhs=lambda v, n: mp.atanh(v.u),
        rhs=lambda v, n: mp.log((1 + v.u) / (1 - v.u)) / 2,
    ),
    Step(14, 29, lhs=lambda v, n: dscalar(mp.atanh, v.u), rhs=lambda v, n: 1 / (1 - v.u**2)),
    Step(18, 12, lhs=lambda v, n: mp.tanh(v.x), rhs=lambda v, n: 2 * sigmoid(2 * v.x) - 1),
    Step(20, 24, lhs=lambda v, n: dscalar(mp.tanh, v.x), rhs=slope),
    Step(
        20,
        54,
        lhs=slope,
        rhs=lambda v, n: 2 * sigmoid(2 * v.x) * (1 + sigmoid(2 * v.x)),
    ),
]
