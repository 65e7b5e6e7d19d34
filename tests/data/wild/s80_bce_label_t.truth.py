import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# Lecture-style notes on binary cross-entropy with the label called t and the prediction
# y = σ(z) ("Here $t$ is the label, either 0 or 1"). The cases are said in words: "When the
# label is 0," before a display, and "This is the case $t = 1$." after one; each step of those
# displays is transcribed at that label. Planted: in the t = 1 case -1/y · y(1 - y) is simplified
# to 1 - y (it is y - 1, i.e. -(1 - y)). The general result y - t is correct.

SIZES = (1,)


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), t=mp.mpf(rng.choice((0, 1))))


def loss(z, t):
    y = sigmoid(z)
    return -t * mp.log(y) - (1 - t) * mp.log(1 - y)


def y(v):
    return sigmoid(v.z)


def slope(t):
    return lambda v, n: dscalar(lambda z: loss(z, t), v.z)


STEPS = [
    Step(3, 67, kind="definition"),
    Step(3, 79, kind="definition"),
    Step(5, 5, kind="definition"),
    Step(7, 55, lhs=lambda v, n: dscalar(sigmoid, v.z), rhs=lambda v, n: y(v) * (1 - y(v))),
    # "When the label is 0,"
    Step(11, 5, lhs=lambda v, n: loss(v.z, 0), rhs=lambda v, n: -mp.log(1 - y(v))),
    Step(11, 41, lhs=slope(0), rhs=lambda v, n: 1 / (1 - y(v)) * y(v) * (1 - y(v))),
    Step(11, 74, lhs=lambda v, n: 1 / (1 - y(v)) * y(v) * (1 - y(v)), rhs=lambda v, n: y(v)),
    # "This is the case $t = 1$." (after the display)
    Step(15, 5, lhs=lambda v, n: loss(v.z, 1), rhs=lambda v, n: -mp.log(y(v))),
    Step(15, 36, lhs=slope(1), rhs=lambda v, n: -1 / y(v) * y(v) * (1 - y(v))),
    Step(
        15,
        66,
        lhs=lambda v, n: -1 / y(v) * y(v) * (1 - y(v)),
        rhs=lambda v, n: 1 - y(v),
        note="planted: the minus sign dropped (it is y - 1)",
    ),
    Step(17, 21, kind="hypothesis", note="the case named after the display"),
    Step(
        19,
        17,
        lhs=lambda v, n: dscalar(lambda z: loss(z, v.t), v.z),
        rhs=lambda v, n: (-v.t / y(v) + (1 - v.t) / (1 - y(v))) * y(v) * (1 - y(v)),
    ),
    Step(
        19,
        76,
        lhs=lambda v, n: (-v.t / y(v) + (1 - v.t) / (1 - y(v))) * y(v) * (1 - y(v)),
        rhs=lambda v, n: -v.t * (1 - y(v)) + (1 - v.t) * y(v),
    ),
    Step(
        19,
        99,
        lhs=lambda v, n: -v.t * (1 - y(v)) + (1 - v.t) * y(v),
        rhs=lambda v, n: y(v) - v.t,
    ),
]
