import mpmath as mp
from truth import Point, Step, d, reals, sigmoid

# w^T x is the inner product of the weights and the features (d = N entries each).
SIZES = (1, 2, 3)
R = ("r",)


def sample(rng, n):
    # stated: any weights, any features, a label that is 0 or 1
    return Point(w=reals(rng, n), x=reals(rng, n), y=mp.mpf(rng.randrange(2)))


def score(v, w=None):
    return sum(a * b for a, b in zip(v.w if w is None else w, v.x, strict=True))


def s(v):
    return sigmoid(score(v))


def grad(v, f, r):
    """∂/∂w_r of f(σ(w^T x))."""
    return d(lambda w: f(sigmoid(score(v, w))), v.w, r)


STEPS = [
    Step(7, 20, lhs=lambda v, n: s(v), rhs=lambda v, n: 1 / (1 + mp.exp(-score(v)))),
    Step(
        11,
        24,
        lhs=lambda v, n: 1 - s(v),
        rhs=lambda v, n: mp.exp(-score(v)) / (1 + mp.exp(-score(v))),
    ),
    Step(
        11,
        70,
        lhs=lambda v, n: mp.exp(-score(v)) / (1 + mp.exp(-score(v))),
        rhs=lambda v, n: sigmoid(-score(v)),
    ),
    Step(
        18,
        49,
        indices=R,
        lhs=lambda v, n, r: grad(v, mp.log, r),
        rhs=lambda v, n, r: (1 - s(v)) * v.x[r - 1],
    ),
    Step(
        22,
        55,
        indices=R,
        lhs=lambda v, n, r: grad(v, lambda t: mp.log(1 - t), r),
        rhs=lambda v, n, r: s(v) * v.x[r - 1],
        note="sign slip: the chain rule through 1 - sigma gives -sigma x",
    ),
    Step(
        27,
        59,
        indices=R,
        lhs=lambda v, n, r: v.y * (1 - s(v)) * v.x[r - 1] - (1 - v.y) * s(v) * v.x[r - 1],
        rhs=lambda v, n, r: (v.y - s(v)) * v.x[r - 1],
    ),
]
