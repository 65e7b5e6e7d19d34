import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# One input x, one weight w, a bias b; z = w·x + b (written "wx"); the label y is 0 or 1 (stated).
# Planted: the chain of ∂L/∂z ends in σ(z) + y instead of σ(z) - y.

SIZES = (1,)


def sample(rng, n):
    return Point(
        w=mp.mpf(rng.uniform(-2, 2)),
        x=mp.mpf(rng.uniform(-2, 2)),
        b=mp.mpf(rng.uniform(-2, 2)),
        y=mp.mpf(rng.choice([0, 1])),
    )


def loss(z, y):
    return -y * mp.log(sigmoid(z)) - (1 - y) * mp.log(1 - sigmoid(z))


def z(v):
    return v.w * v.x + v.b


def s(v):
    return sigmoid(z(v))


def expanded(v, n=None):
    return -v.y + v.y * s(v) + s(v) - v.y * s(v)


STEPS = [
    Step(10, 5, kind="definition"),
    Step(
        14,
        33,
        lhs=lambda v, n: dscalar(lambda t: loss(t, v.y), z(v)),
        rhs=lambda v, n: (
            -v.y / s(v) * s(v) * (1 - s(v)) + (1 - v.y) / (1 - s(v)) * s(v) * (1 - s(v))
        ),
    ),
    Step(
        14,
        126,
        lhs=lambda v, n: (
            -v.y / s(v) * s(v) * (1 - s(v)) + (1 - v.y) / (1 - s(v)) * s(v) * (1 - s(v))
        ),
        rhs=expanded,
    ),
    Step(16, 3, lhs=expanded, rhs=lambda v, n: s(v) + v.y),
    Step(22, 5, kind="definition"),
    Step(
        26,
        33,
        lhs=lambda v, n: dscalar(lambda t: loss(t * v.x + v.b, v.y), v.w),
        rhs=lambda v, n: (s(v) - v.y) * v.x,
    ),
    Step(
        28,
        33,
        lhs=lambda v, n: dscalar(lambda t: loss(v.w * v.x + t, v.y), v.b),
        rhs=lambda v, n: s(v) - v.y,
    ),
    Step(
        30,
        33,
        lhs=lambda v, n: dscalar(lambda t: loss(v.w * t + v.b, v.y), v.x),
        rhs=lambda v, n: (s(v) - v.y) * v.w,
    ),
]
