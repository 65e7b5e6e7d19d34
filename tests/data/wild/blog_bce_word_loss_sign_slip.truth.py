import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# One example: label y in {0, 1} (stated), logit z, p = sigma(z). Planted: the derivative with
# respect to p has -(1 - y)/(1 - p) where +(1 - y)/(1 - p) is right.

SIZES = (1, 2, 3, 4, 5, 6)  # scalars: the sizes only give more points


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.choice((0, 1))))


def bce(y, p):
    return -y * mp.log(p) - (1 - y) * mp.log(1 - p)


def p(v):
    return sigmoid(v.z)


STEPS = [
    Step(3, 82, kind="definition"),
    Step(6, 11, kind="definition"),
    Step(
        10,
        39,
        lhs=lambda v, n: dscalar(lambda t: bce(v.y, t), p(v)),
        rhs=lambda v, n: -v.y / p(v) - (1 - v.y) / (1 - p(v)),
        note="planted sign",
    ),
    Step(
        12,
        38,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: p(v) * (1 - p(v)),
    ),
    Step(
        14,
        39,
        lhs=lambda v, n: dscalar(lambda t: bce(v.y, sigmoid(t)), v.z),
        rhs=lambda v, n: p(v) - v.y,
    ),
    Step(
        18,
        11,
        lhs=lambda v, n: bce(v.y, p(v)),
        rhs=lambda v, n: mp.log(1 + mp.exp(v.z)) - v.y * v.z,
    ),
]
