import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A blog post on sigmoid + binary cross-entropy with the label cases said in prose: "For $y = 1$:"
# then the display L = -\log(\hat{y}), then "So the derivative is:" and ∂L/∂ŷ; likewise "For
# $y = 0$:". The case carries through the short lead to the derivative display; each of those
# steps is transcribed at that label. The derivatives by ŷ treat ŷ as the variable. In the long
# paragraph the chain-rule products are again said "for $y = 1$" / "for $y = 0$". The closing
# ∂L/∂z = ŷ - y holds for either label. No planted slip.

SIZES = (1,)


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.choice((0, 1))))


def bce(q, y):
    return -y * mp.log(q) - (1 - y) * mp.log(1 - q)


def yh(v):
    return sigmoid(v.z)


def dLdq(y):
    return lambda v, n: dscalar(lambda q: bce(q, y), yh(v))


def dLdz(y):
    return lambda v, n: dscalar(lambda z: bce(sigmoid(z), y), v.z)


STEPS = [
    Step(3, 38, kind="definition"),
    Step(5, 5, kind="definition"),
    # For $y = 1$:
    Step(11, 5, lhs=lambda v, n: bce(yh(v), 1), rhs=lambda v, n: -mp.log(yh(v))),
    Step(15, 39, lhs=dLdq(1), rhs=lambda v, n: -1 / yh(v)),
    # For $y = 0$:
    Step(19, 5, lhs=lambda v, n: bce(yh(v), 0), rhs=lambda v, n: -mp.log(1 - yh(v))),
    Step(23, 39, lhs=dLdq(0), rhs=lambda v, n: 1 / (1 - yh(v))),
    Step(
        25,
        130,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: yh(v) * (1 - yh(v)),
    ),
    # "for $y = 1$ we get"
    Step(25, 231, lhs=dLdz(1), rhs=lambda v, n: -1 / yh(v) * yh(v) * (1 - yh(v))),
    Step(
        25,
        279,
        lhs=lambda v, n: -1 / yh(v) * yh(v) * (1 - yh(v)),
        rhs=lambda v, n: yh(v) - 1,
    ),
    # "for $y = 0$ we get"
    Step(25, 349, lhs=dLdz(0), rhs=lambda v, n: 1 / (1 - yh(v)) * yh(v) * (1 - yh(v))),
    Step(
        25,
        400,
        lhs=lambda v, n: 1 / (1 - yh(v)) * yh(v) * (1 - yh(v)),
        rhs=lambda v, n: yh(v),
    ),
    Step(27, 33, lhs=lambda v, n: dLdz(v.y)(v, n), rhs=lambda v, n: yh(v) - v.y),
]
