import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid

# w, x in R^d (vectors), b a number, y a label in {0, 1}; gradients by w read at entry r.
SIZES = (2, 3)


def sample(rng, n):
    return Point(
        w=reals(rng, n), x=reals(rng, n), b=mp.mpf(rng.uniform(-2, 2)), y=rng.choice([0, 1])
    )


def score(w, x, b):
    return sum(wk * xk for wk, xk in zip(w, x, strict=True)) + b


def prob(v):
    return sigmoid(score(v.w, v.x, v.b))


def J_of_p(y, p):
    return -y * mp.log(p) - (1 - y) * mp.log(1 - p)


def J(y, w, x, b):
    return J_of_p(y, sigmoid(score(w, x, b)))


def grad_w(v, r):
    return d(lambda w: J(v.y, w, v.x, v.b), v.w, r)


R = ("r",)

STEPS = [
    Step(7, 3, kind="definition"),
    Step(7, 28, kind="definition"),
    Step(7, 40, kind="definition"),
    Step(11, 3, kind="definition"),
    Step(
        17,
        31,
        lhs=lambda v, n: dscalar(lambda p: J_of_p(v.y, p), prob(v)),
        rhs=lambda v, n: -v.y / prob(v) + (1 - v.y) / (1 - prob(v)),
    ),
    Step(
        17,
        68,
        lhs=lambda v, n: -v.y / prob(v) + (1 - v.y) / (1 - prob(v)),
        rhs=lambda v, n: (prob(v) - v.y) / (prob(v) * (1 - prob(v))),
    ),
    Step(
        23,
        12,
        indices=R,
        lhs=lambda v, n, r: grad_w(v, r),
        rhs=lambda v, n, r: prob(v) * (1 - prob(v)) * v.x[r - 1],
        note="planted (and said to be a first attempt): the loss's factor is missing",
    ),
    Step(
        29,
        12,
        indices=R,
        lhs=lambda v, n, r: grad_w(v, r),
        rhs=lambda v, n, r: (
            dscalar(lambda p: J_of_p(v.y, p), prob(v)) * prob(v) * (1 - prob(v)) * v.x[r - 1]
        ),
    ),
    Step(
        29,
        59,
        indices=R,
        lhs=lambda v, n, r: (
            dscalar(lambda p: J_of_p(v.y, p), prob(v)) * prob(v) * (1 - prob(v)) * v.x[r - 1]
        ),
        rhs=lambda v, n, r: (prob(v) - v.y) * v.x[r - 1],
    ),
    Step(
        35,
        31,
        lhs=lambda v, n: dscalar(lambda b: J(v.y, v.w, v.x, b), v.b),
        rhs=lambda v, n: prob(v) - v.y,
    ),
]
