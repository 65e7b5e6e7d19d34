import mpmath as mp
from truth import Point, Step, dscalar, sigmoid


def sample(rng, n):
    # "y is the observed class, 0 or 1"; z is a real score
    return Point(z=mp.mpf(rng.uniform(-4, 4)), y=rng.choice([0, 1]))


def s(t):
    return sigmoid(t)


def loss_of_prediction(y, yhat):
    return -(y * mp.log(yhat) + (1 - y) * mp.log(1 - yhat))


def loss_of_score(y, z):
    return loss_of_prediction(y, s(z))


def product(v):
    yhat = s(v.z)
    return (-v.y / yhat + (1 - v.y) / (1 - yhat)) * yhat * (1 - yhat)


STEPS = [
    Step(10, 25, kind="definition"),
    Step(24, 9, kind="definition"),
    Step(24, 21, lhs=lambda v, n: s(v.z), rhs=lambda v, n: 1 / (1 + mp.exp(-v.z))),
    Step(
        30,
        25,
        lhs=lambda v, n: dscalar(lambda t: loss_of_score(v.y, t), v.z),
        rhs=lambda v, n: dscalar(lambda t: loss_of_prediction(v.y, t), s(v.z)) * dscalar(s, v.z),
    ),
    Step(
        40,
        31,
        lhs=lambda v, n: dscalar(lambda t: loss_of_prediction(v.y, t), s(v.z)),
        rhs=lambda v, n: -v.y / s(v.z) + (1 - v.y) / (1 - s(v.z)),
    ),
    Step(46, 21, lhs=lambda v, n: dscalar(s, v.z), rhs=lambda v, n: s(v.z) * (1 - s(v.z))),
    Step(
        54,
        25,
        lhs=lambda v, n: dscalar(lambda t: loss_of_score(v.y, t), v.z),
        rhs=lambda v, n: product(v),
    ),
    Step(
        60,
        1,
        lhs=lambda v, n: product(v),
        rhs=lambda v, n: -v.y * (1 - s(v.z)) + (1 - v.y) * s(v.z),
    ),
    Step(
        66,
        1,
        lhs=lambda v, n: -v.y * (1 - s(v.z)) + (1 - v.y) * s(v.z),
        rhs=lambda v, n: -v.y + v.y * s(v.z) + s(v.z) - v.y * s(v.z),
    ),
    Step(
        66,
        38,
        lhs=lambda v, n: -v.y + v.y * s(v.z) + s(v.z) - v.y * s(v.z),
        rhs=lambda v, n: s(v.z) - v.y,
    ),
    Step(
        76,
        29,
        lhs=lambda v, n: dscalar(lambda t: dscalar(lambda u: loss_of_score(v.y, u), t), v.z),
        rhs=lambda v, n: s(v.z) * (1 + s(v.z)),
        note="planted: the curvature is yhat (1 - yhat)",
    ),
    Step(
        82,
        25,
        lhs=lambda v, n: dscalar(lambda t: loss_of_score(v.y, t), v.z),
        rhs=lambda v, n: s(v.z) - v.y,
    ),
]
