import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid


def sample(rng, n):
    # "a label $y \in \{0, 1\}$"; w and x are vectors, z = w^T x + b
    return Point(
        z=mp.mpf(rng.uniform(-4, 4)),
        y=rng.choice([0, 1]),
        w=reals(rng, n),
        x=reals(rng, n),
        b=mp.mpf(rng.uniform(-2, 2)),
    )


def e(t):
    return mp.exp(t)


def s(t):
    return sigmoid(t)


def loss_of_prediction(y, yhat):
    return -y * mp.log(yhat) - (1 - y) * mp.log(1 - yhat)


def loss_of_score(y, z):
    return loss_of_prediction(y, s(z))


def score(w, x, b):
    return sum(wk * xk for wk, xk in zip(w, x, strict=True)) + b


STEPS = [
    Step(7, 5, kind="definition"),
    Step(9, 11, kind="definition"),
    Step(13, 5, kind="definition"),
    Step(17, 22, lhs=lambda v, n: dscalar(s, v.z), rhs=lambda v, n: e(-v.z) / (1 + e(-v.z)) ** 2),
    Step(
        19,
        3,
        lhs=lambda v, n: e(-v.z) / (1 + e(-v.z)) ** 2,
        rhs=lambda v, n: 1 / (1 + e(-v.z)) * (e(-v.z) / (1 + e(-v.z))),
    ),
    Step(
        21,
        3,
        lhs=lambda v, n: 1 / (1 + e(-v.z)) * (e(-v.z) / (1 + e(-v.z))),
        rhs=lambda v, n: s(v.z) * (1 - s(v.z)),
    ),
    Step(
        25,
        26,
        lhs=lambda v, n: dscalar(lambda t: dscalar(s, t), v.z),
        rhs=lambda v, n: s(v.z) * (1 - s(v.z)) * (1 + 2 * s(v.z)),
        note="planted: the last factor is 1 - 2 sigma(z)",
    ),
    Step(
        31,
        39,
        lhs=lambda v, n: dscalar(lambda t: loss_of_prediction(v.y, t), s(v.z)),
        rhs=lambda v, n: -v.y / s(v.z) + (1 - v.y) / (1 - s(v.z)),
    ),
    Step(
        31,
        88,
        lhs=lambda v, n: -v.y / s(v.z) + (1 - v.y) / (1 - s(v.z)),
        rhs=lambda v, n: (s(v.z) - v.y) / (s(v.z) * (1 - s(v.z))),
    ),
    Step(
        35,
        33,
        lhs=lambda v, n: dscalar(lambda t: loss_of_score(v.y, t), v.z),
        rhs=lambda v, n: (s(v.z) - v.y) / (s(v.z) * (1 - s(v.z))) * s(v.z) * (1 - s(v.z)),
    ),
    Step(
        35,
        103,
        lhs=lambda v, n: (s(v.z) - v.y) / (s(v.z) * (1 - s(v.z))) * s(v.z) * (1 - s(v.z)),
        rhs=lambda v, n: s(v.z) - v.y,
    ),
    Step(
        41,
        33,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda w: loss_of_score(v.y, score(w, v.x, v.b)), v.w, i),
        rhs=lambda v, n, i: (s(score(v.w, v.x, v.b)) - v.y) * v.x[i - 1],
    ),
    Step(
        45,
        33,
        lhs=lambda v, n: dscalar(lambda b: loss_of_score(v.y, score(v.w, v.x, b)), v.b),
        rhs=lambda v, n: s(score(v.w, v.x, v.b)) - v.y,
    ),
]
