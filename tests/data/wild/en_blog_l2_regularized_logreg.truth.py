import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid

# logistic regression with a weight-decay term (λ/2)‖w‖², one example; the partial derivative
# per weight is right, the vector recap planted with the regulariser's gradient doubled (2λw).

SIZES = (1, 2, 3)
R = ("j",)


def sample(rng, n):
    # stated: features and weights in R^d, a label 0 or 1, a penalty weight λ
    return Point(
        w=reals(rng, n),
        x=reals(rng, n),
        b=mp.mpf(rng.uniform(-1, 1)),
        y=mp.mpf(rng.randrange(2)),
        lam=mp.mpf(rng.uniform(0.1, 2)),
        z=mp.mpf(rng.uniform(-2, 2)),
    )


def score(v, w=None, b=None):
    w = v.w if w is None else w
    b = v.b if b is None else b
    return sum(a * t for a, t in zip(w, v.x, strict=True)) + b


def ce(y, s):
    return -(y * mp.log(s) + (1 - y) * mp.log(1 - s))


def J(v, w=None, b=None):
    w = v.w if w is None else w
    return ce(v.y, sigmoid(score(v, w, b))) + v.lam / 2 * sum(t**2 for t in w)


def yhat(v):
    return sigmoid(score(v))


def s(v):  # σ at the free variable z of the scalar steps
    return sigmoid(v.z)


STEPS = [
    Step(6, 5, kind="definition"),
    Step(6, 33, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(14, 53, lhs=lambda v, n: dscalar(sigmoid, v.z), rhs=lambda v, n: s(v) * (1 - s(v))),
    Step(
        17,
        86,
        lhs=lambda v, n: dscalar(lambda t: ce(v.y, sigmoid(t)), v.z),
        rhs=lambda v, n: (
            -v.y / s(v) * s(v) * (1 - s(v)) + (1 - v.y) / (1 - s(v)) * s(v) * (1 - s(v))
        ),
    ),
    Step(
        17,
        179,
        lhs=lambda v, n: (
            -v.y / s(v) * s(v) * (1 - s(v)) + (1 - v.y) / (1 - s(v)) * s(v) * (1 - s(v))
        ),
        rhs=lambda v, n: s(v) - v.y,
    ),
    Step(
        19,
        40,
        indices=R,
        lhs=lambda v, n, j: d(lambda w: score(v, w), v.w, j),
        rhs=lambda v, n, j: v.x[j - 1],
    ),
    Step(
        21,
        35,
        indices=R,
        lhs=lambda v, n, j: d(lambda w: J(v, w), v.w, j),
        rhs=lambda v, n, j: (yhat(v) - v.y) * v.x[j - 1] + v.lam * v.w[j - 1],
    ),
    Step(
        25,
        33,
        lhs=lambda v, n: dscalar(lambda b: J(v, b=b), v.b),
        rhs=lambda v, n: yhat(v) - v.y,
    ),
    Step(
        29,
        64,
        lhs=lambda v, n: v.lam / 2 * sum(t**2 for t in v.w),
        rhs=lambda v, n: v.lam / 2 * sum(t**2 for t in v.w),
        note="the squared 2-norm is the sum of the squared entries",
    ),
    Step(
        32,
        14,
        indices=R,
        lhs=lambda v, n, j: d(lambda w: J(v, w), v.w, j),
        rhs=lambda v, n, j: (yhat(v) - v.y) * v.x[j - 1] + 2 * v.lam * v.w[j - 1],
        note="planted: the gradient of (λ/2)‖w‖² is λw, not 2λw",
    ),
]
