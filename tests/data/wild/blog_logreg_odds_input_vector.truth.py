import mpmath as mp
from truth import Point, Step, d, reals, sigmoid

# w^T x: the inner product of the weights and the input (N entries each); P(Y=1|x) is defined
# by the log-odds w^T x, that is P = sigmoid(w^T x).
SIZES = (1, 2, 3)
R = ("r",)


def sample(rng, n):
    return Point(w=reals(rng, n), x=reals(rng, n))  # any input vector, any weights


def score(v, w=None):
    return sum(a * b for a, b in zip(v.w if w is None else w, v.x, strict=True))


def s(v):
    return sigmoid(score(v))


def grad(v, f, r):
    """∂/∂w_r of f(σ(w^T x))."""
    return d(lambda w: f(sigmoid(score(v, w))), v.w, r)


STEPS = [
    Step(6, 48, kind="definition"),  # the model: the log-odds are w^T x
    Step(
        10,
        17,
        lhs=lambda v, n: s(v),
        rhs=lambda v, n: mp.exp(score(v)) / (1 + mp.exp(score(v))),
    ),
    Step(
        10,
        51,
        lhs=lambda v, n: mp.exp(score(v)) / (1 + mp.exp(score(v))),
        rhs=lambda v, n: 1 / (1 + mp.exp(-score(v))),
    ),
    Step(10, 78, lhs=lambda v, n: 1 / (1 + mp.exp(-score(v))), rhs=lambda v, n: s(v)),
    Step(14, 21, lhs=lambda v, n: 1 - s(v), rhs=lambda v, n: 1 / (1 + mp.exp(score(v)))),
    Step(
        21,
        50,
        indices=R,
        lhs=lambda v, n, r: grad(v, mp.log, r),
        rhs=lambda v, n, r: (1 - s(v)) * v.x[r - 1],
    ),
    Step(
        25,
        56,
        indices=R,
        lhs=lambda v, n, r: grad(v, lambda t: mp.log(1 - t), r),
        rhs=lambda v, n, r: s(v) * v.x[r - 1],
        note="sign slip: the chain rule through 1 - sigma gives -sigma x",
    ),
]
