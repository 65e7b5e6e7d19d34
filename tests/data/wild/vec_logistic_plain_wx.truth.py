import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid

# One example: w and x are vectors (z = w^T x + b, a number), y a label in {0, 1}. The gradient
# by w is read at its entry r.
SIZES = (2, 3)


def sample(rng, n):
    return Point(
        w=reals(rng, n), x=reals(rng, n), b=mp.mpf(rng.uniform(-2, 2)), y=rng.choice([0, 1])
    )


def score(w, x, b):
    return sum(wk * xk for wk, xk in zip(w, x, strict=True)) + b


def loss(y, z):
    p = sigmoid(z)
    return -(y * mp.log(p) + (1 - y) * mp.log(1 - p))


def z(v):
    return score(v.w, v.x, v.b)


def yhat(v):
    return sigmoid(z(v))


R = ("r",)

STEPS = [
    Step(8, 5, kind="definition"),
    Step(10, 11, kind="definition"),
    Step(10, 23, kind="definition"),
    Step(12, 5, kind="definition"),
    Step(
        18,
        23,
        lhs=lambda v, n: dscalar(sigmoid, z(v)),
        rhs=lambda v, n: mp.exp(-z(v)) / (1 + mp.exp(-z(v))) ** 2,
    ),
    Step(
        18,
        55,
        lhs=lambda v, n: mp.exp(-z(v)) / (1 + mp.exp(-z(v))) ** 2,
        rhs=lambda v, n: yhat(v) * (1 - yhat(v)),
    ),
    Step(
        22,
        33,
        lhs=lambda v, n: dscalar(lambda t: loss(v.y, t), z(v)),
        rhs=lambda v, n: (-v.y / yhat(v) + (1 - v.y) / (1 - yhat(v))) * yhat(v) * (1 - yhat(v)),
    ),
    Step(
        22,
        115,
        lhs=lambda v, n: (-v.y / yhat(v) + (1 - v.y) / (1 - yhat(v))) * yhat(v) * (1 - yhat(v)),
        rhs=lambda v, n: yhat(v) - v.y,
    ),
    Step(
        24,
        68,
        indices=R,
        lhs=lambda v, n, r: d(lambda w: score(w, v.x, v.b), v.w, r),
        rhs=lambda v, n, r: v.x[r - 1],
    ),
    Step(
        27,
        33,
        indices=R,
        lhs=lambda v, n, r: d(lambda w: loss(v.y, score(w, v.x, v.b)), v.w, r),
        rhs=lambda v, n, r: (v.y - yhat(v)) * v.x[r - 1],
        note="planted: the sign is dropped, (yhat - y) x",
    ),
    Step(
        29,
        33,
        lhs=lambda v, n: dscalar(lambda b: loss(v.y, score(v.w, v.x, b)), v.b),
        rhs=lambda v, n: yhat(v) - v.y,
    ),
]
