import mpmath as mp
from truth import Point, Step, dscalar

SIZES = (1,)


def sample(rng, n):
    r = lambda: mp.mpf(rng.uniform(-2, 2))  # noqa: E731
    return Point(w=r(), x=r(), b=r(), y=r())  # a real target: squared error


def yhat(v):
    return v.w * v.x + v.b


def loss_of(v, w, b):
    return (w * v.x + b - v.y) ** 2 / 2


STEPS = [
    Step(12, 3, kind="definition"),
    Step(
        19,
        39,
        lhs=lambda v, n: dscalar(lambda t: (t - v.y) ** 2 / 2, yhat(v)),
        rhs=lambda v, n: yhat(v) - v.y,
    ),
    Step(20, 39, lhs=lambda v, n: dscalar(lambda w: w * v.x + v.b, v.w), rhs=lambda v, n: v.x),
    Step(
        21, 39, lhs=lambda v, n: dscalar(lambda b: v.w * v.x + b, v.b), rhs=lambda v, n: mp.mpf(1)
    ),
    Step(
        29,
        33,
        lhs=lambda v, n: dscalar(lambda w: loss_of(v, w, v.b), v.w),
        rhs=lambda v, n: (yhat(v) - v.y) * v.x,
    ),
    Step(30, 3, lhs=lambda v, n: (yhat(v) - v.y) * v.x, rhs=lambda v, n: (yhat(v) - v.y) * v.x),
    Step(
        31,
        3,
        lhs=lambda v, n: (yhat(v) - v.y) * v.x,
        rhs=lambda v, n: (v.w * v.x + v.b - v.y) * v.x,
    ),
    Step(  # planted: the x of the weight gradient copied into the bias gradient
        38,
        31,
        lhs=lambda v, n: dscalar(lambda b: loss_of(v, v.w, b), v.b),
        rhs=lambda v, n: (yhat(v) - v.y) * v.x,
    ),
]
