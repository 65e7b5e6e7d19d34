import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a logistic-regression post: the loss in the cases "When $y = 1$" and "if $y = 0$" (each step
# at that label), then a numerical check at z = 2, y = 1 whose decimals are rounded (the author
# means ≈; each is transcribed as the value it stands for). Planted: the slope of the y = 0 loss
# in the prediction loses its sign (it is +1/(1 - ŷ)).


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.uniform(-2, 2)))


def loss(yhat, y):
    return -(y * mp.log(yhat) + (1 - y) * mp.log(1 - yhat))


def yhat(v):
    return sigmoid(v.z)


S2 = sigmoid(mp.mpf(2))


def const(x):
    return lambda v, n: x


SIZES = (1,)

STEPS = [
    Step(6, 5, kind="definition"),
    Step(10, 5, lhs=lambda v, n: loss(yhat(v), 1), rhs=lambda v, n: -mp.log(yhat(v))),
    Step(14, 5, lhs=lambda v, n: loss(yhat(v), 0), rhs=lambda v, n: -mp.log(1 - yhat(v))),
    Step(
        18,
        39,
        lhs=lambda v, n: dscalar(lambda q: loss(q, 0), yhat(v)),
        rhs=lambda v, n: -1 / (1 - yhat(v)),
        note="planted: the sign of the slope dropped (it is +1/(1 - ŷ))",
    ),
    Step(
        22,
        22,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    Step(
        26,
        33,
        lhs=lambda v, n: dscalar(lambda z: loss(sigmoid(z), v.y), v.z),
        rhs=lambda v, n: yhat(v) - v.y,
    ),
    Step(33, 14, lhs=const(S2 * (1 - S2)), rhs=const(S2 * (1 - S2)), note="rounded: ≈"),
    Step(33, 37, lhs=const(S2 * (1 - S2)), rhs=const(S2 * (1 - S2)), note="rounded: ≈"),
    Step(37, 33, lhs=const(S2 - 1), rhs=const(S2 - 1), note="rounded: ≈"),
    Step(37, 46, lhs=const(S2 - 1), rhs=const(S2 - 1), note="rounded: ≈"),
    Step(41, 5, lhs=const(-mp.log(S2)), rhs=const(-mp.log(S2)), note="rounded: ≈"),
    Step(41, 21, lhs=const(-mp.log(S2)), rhs=const(-mp.log(S2)), note="rounded: ≈"),
]
