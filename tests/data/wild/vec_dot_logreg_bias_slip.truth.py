import mpmath as mp
from truth import Point, Step, d, reals, sigmoid

# z = w . x + b (the dot product of two vectors of n features); y in {0, 1} (line 3).


def sample(rng, n):
    return Point(
        w=reals(rng, n), x=reals(rng, n), b=mp.mpf(rng.uniform(-2, 2)), y=mp.mpf(rng.randrange(2))
    )


def loss(v, w, b):
    yhat = sigmoid(sum(wk * xk for wk, xk in zip(w, v.x, strict=True)) + b)
    return -v.y * mp.log(yhat) - (1 - v.y) * mp.log(1 - yhat)


yhat = lambda v: sigmoid(sum(wk * xk for wk, xk in zip(v.w, v.x, strict=True)) + v.b)

STEPS = [
    Step(6, 5, kind="definition"),
    Step(6, 55, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(
        15,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda w: loss(v, w, v.b), v.w, j),
        rhs=lambda v, n, j: (yhat(v) - v.y) * v.x[j - 1],
    ),
    Step(
        20,
        33,
        lhs=lambda v, n: d(lambda bb: loss(v, v.w, bb[0]), [v.b], 1),
        rhs=lambda v, n: (yhat(v) - v.y) * v.b,
        note="planted: b copied for x_j; the bias gradient is y-hat - y",
    ),
]
