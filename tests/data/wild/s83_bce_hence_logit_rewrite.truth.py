import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A blog post on why BCEWithLogitsLoss takes logits: the binary cross-entropy ℓ of a probability
# p with a label y ∈ {0, 1} (a definition), then p = σ(z) (definitions), the two facts log p and
# log(1 - p) in the logit, and after "Hence" the rewrite ℓ = log(1 + e^{-z}) + (1 - y) z — i.e.
# the defining ℓ with p = σ(z) substituted, as a function of z and y. Then the max(z, 0) form
# used by the implementation and the derivative of the rewrite, p - y. σ'(z) = p(1 - p) in the
# last paragraph is a step (with p = σ(z)). No planted slip: every step holds.

SIZES = (1,)


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-4, 4)), y=mp.mpf(rng.choice((0, 1))))


def bce(p, y):
    return -y * mp.log(p) - (1 - y) * mp.log(1 - p)


def ell(z, y):
    """ℓ as the author means it after "Hence": the BCE at p = σ(z)."""
    return bce(sigmoid(z), y)


def p(v):
    return sigmoid(v.z)


def E(v):
    return mp.exp(-v.z)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(11, 8, kind="definition"),
    Step(13, 72, kind="definition"),
    Step(13, 84, kind="definition"),
    Step(13, 134, lhs=lambda v, n: mp.log(p(v)), rhs=lambda v, n: -mp.log(1 + E(v))),
    Step(13, 173, lhs=lambda v, n: 1 - p(v), rhs=lambda v, n: E(v) / (1 + E(v))),
    Step(13, 228, lhs=lambda v, n: mp.log(1 - p(v)), rhs=lambda v, n: -v.z - mp.log(1 + E(v))),
    # "Hence"
    Step(
        17,
        8,
        lhs=lambda v, n: ell(v.z, v.y),
        rhs=lambda v, n: mp.log(1 + E(v)) + (1 - v.y) * v.z,
    ),
    Step(
        21,
        8,
        lhs=lambda v, n: ell(v.z, v.y),
        rhs=lambda v, n: max(v.z, 0) - v.y * v.z + mp.log(1 + mp.exp(-abs(v.z))),
    ),
    *chain(
        [(27, 20), (27, 59), (27, 78)],
        [
            lambda v, n: dscalar(lambda z: mp.log(1 + mp.exp(-z)) + (1 - v.y) * z, v.z),
            lambda v, n: -E(v) / (1 + E(v)) + (1 - v.y),
            lambda v, n: -(1 - p(v)) + 1 - v.y,
            lambda v, n: p(v) - v.y,
        ],
    ),
    Step(29, 167, lhs=lambda v, n: dscalar(sigmoid, v.z), rhs=lambda v, n: p(v) * (1 - p(v))),
]
