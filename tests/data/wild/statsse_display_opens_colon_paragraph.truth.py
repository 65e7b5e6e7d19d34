import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a stats.SE question stored without its line breaks: every math is $$…$$, the inline ones in
# sentences too; a display opens the paragraph a colon announces and the prose goes on after it
# on the same line. The asker's last step loses a sign (planted).
SIZES = (1,)


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.uniform(0, 1)))


def loss(v, z):
    s = sigmoid(z)
    return -v.y * mp.log(s) - (1 - v.y) * mp.log(1 - s)


def ds(v):
    return dscalar(sigmoid, v.z)


def s(v):
    return sigmoid(v.z)


STEPS = [
    Step(
        5,
        33,
        lhs=lambda v, n: dscalar(lambda z: loss(v, z), v.z),
        rhs=lambda v, n: -v.y / s(v) * ds(v) + (1 - v.y) / (1 - s(v)) * ds(v),
    ),
    Step(
        7,
        33,
        lhs=lambda v, n: dscalar(lambda z: loss(v, z), v.z),
        rhs=lambda v, n: -v.y * (1 - s(v)) + (1 - v.y) * s(v),
    ),
    Step(
        7,
        56,
        lhs=lambda v, n: -v.y * (1 - s(v)) + (1 - v.y) * s(v),
        rhs=lambda v, n: s(v) + v.y,
        note="planted: s - y written s + y",
    ),
]
