import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A Traditional-Chinese homework write-up in the style of real round 84: one gradient-descent
# step of a sigmoid model with the iterates numbered by bare superscripts (θ^0 = (b^0, w^0),
# b^1 = b^0 - …: labels, not powers), σ' derived in a chain. Planted: σ'(0) = 1/2 (it is 1/4).


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)))


D = "definition"
STEPS = [
    Step(3, 11, kind=D),
    Step(3, 44, kind=D),
    Step(8, 12, kind=D),
    Step(8, 25, kind=D),
    Step(8, 48, kind=D),
    Step(
        14,
        12,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: dscalar(lambda t: 1 / (1 + mp.e ** (-t)), v.z),
    ),
    Step(
        14,
        58,
        lhs=lambda v, n: dscalar(lambda t: 1 / (1 + mp.e ** (-t)), v.z),
        rhs=lambda v, n: mp.e ** (-v.z) / (1 + mp.e ** (-v.z)) ** 2,
    ),
    Step(
        14,
        88,
        lhs=lambda v, n: mp.e ** (-v.z) / (1 + mp.e ** (-v.z)) ** 2,
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    Step(21, 6, kind=D, note="an update rule: b^1 is the next iterate"),
    Step(22, 6, kind=D, note="an update rule: w^1 is the next iterate"),
    Step(26, 8, kind="hypothesis"),
    Step(
        29,
        12,
        lhs=lambda v, n: dscalar(sigmoid, mp.mpf(0)),
        rhs=lambda v, n: sigmoid(0) * (1 - sigmoid(0)),
    ),
    Step(
        29,
        37,
        lhs=lambda v, n: sigmoid(0) * (1 - sigmoid(0)),
        rhs=lambda v, n: mp.mpf(1) / 2,
        note="planted: σ'(0) = 1/4, not 1/2",
    ),
]
