import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# One example, scalar weight W and input x; y in {0, 1} as the text states.
# Planted mistake: the last step writes (y - yhat) x, the sign of the gradient flipped.

SIZES = (1,)


def sample(rng, n):
    return Point(W=mp.mpf(rng.uniform(-2, 2)), x=mp.mpf(rng.uniform(-2, 2)), y=rng.randrange(2))


def yhat(v, W=None):
    return sigmoid((v.W if W is None else W) * v.x)


def L_of_yhat(v, p):
    return -(v.y * mp.log(p) + (1 - v.y) * mp.log(1 - p))


def L_of_W(v, W):
    return L_of_yhat(v, yhat(v, W))


STEPS = [
    Step(8, 6, kind="definition"),
    Step(12, 12, kind="definition"),
    Step(
        12, 24, lhs=lambda v, n: sigmoid(v.W * v.x), rhs=lambda v, n: 1 / (1 + mp.exp(-v.W * v.x))
    ),
    Step(14, 30, kind="definition"),
    Step(
        18,
        40,
        lhs=lambda v, n: dscalar(lambda p: L_of_yhat(v, p), yhat(v)),
        rhs=lambda v, n: -v.y / yhat(v) + (1 - v.y) / (1 - yhat(v)),
    ),
    Step(
        22,
        40,
        lhs=lambda v, n: dscalar(sigmoid, v.W * v.x),
        rhs=lambda v, n: yhat(v) * (1 - yhat(v)),
    ),
    Step(26, 34, lhs=lambda v, n: dscalar(lambda W: W * v.x, v.W), rhs=lambda v, n: v.x),
    Step(
        30,
        34,
        lhs=lambda v, n: dscalar(lambda W: L_of_W(v, W), v.W),
        rhs=lambda v, n: (
            (-v.y / yhat(v) + (1 - v.y) / (1 - yhat(v))) * yhat(v) * (1 - yhat(v)) * v.x
        ),
    ),
    Step(
        30,
        138,
        lhs=lambda v, n: (
            (-v.y / yhat(v) + (1 - v.y) / (1 - yhat(v))) * yhat(v) * (1 - yhat(v)) * v.x
        ),
        rhs=lambda v, n: (v.y - yhat(v)) * v.x,
    ),
]
