import mpmath as mp
from truth import Point, Step, sigmoid


def sample(rng, n):
    # y the label, x the logit; the text never writes p = sigmoid(x), but substitutes it
    return Point(y=mp.mpf(rng.uniform(0, 1)), x=mp.mpf(rng.uniform(-4, 4)))


def bce(y, p):
    return -y * mp.log(p) - (1 - y) * mp.log(1 - p)


def e(t):
    return mp.exp(t)


def row3(v):
    return v.y * mp.log(1 + e(-v.x)) - (1 - v.y) * mp.log(e(-v.x) / (1 + e(-v.x)))


def row4(v):
    return v.y * mp.log(1 + e(-v.x)) + (1 - v.y) * (v.x + mp.log(1 + e(-v.x)))


def result(v):
    return v.x - v.x * v.y + mp.log(1 + e(-v.x))


STEPS = [
    Step(7, 7, kind="definition"),
    Step(
        8,
        2,
        lhs=lambda v, n: bce(v.y, sigmoid(v.x)),  # p = sigmoid(x), as the author means
        rhs=lambda v, n: bce(v.y, sigmoid(v.x)),
        note="p replaced by sigmoid(x), which the text never writes as a definition",
    ),
    Step(9, 2, lhs=lambda v, n: bce(v.y, sigmoid(v.x)), rhs=lambda v, n: row3(v)),
    Step(10, 2, lhs=lambda v, n: row3(v), rhs=lambda v, n: row4(v)),
    Step(11, 2, lhs=lambda v, n: row4(v), rhs=lambda v, n: result(v)),
    Step(
        17,
        7,
        lhs=lambda v, n: bce(v.y, sigmoid(v.x)),
        rhs=lambda v, n: mp.log(e(v.x)) - v.x * v.y + mp.log(1 + e(-v.x)),
    ),
    Step(
        18,
        2,
        lhs=lambda v, n: mp.log(e(v.x)) - v.x * v.y + mp.log(1 + e(-v.x)),
        rhs=lambda v, n: -v.x * v.y + mp.log(1 + e(-v.x)),
        note="log(e^x) = x dropped: the right value is -xy + log(1 + e^x)",
    ),
]
