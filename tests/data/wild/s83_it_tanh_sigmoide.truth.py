import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# Italian lecture notes on tanh and the sigmoid: σ(x) and tanh x = (e^x - e^{-x})/(e^x + e^{-x})
# are definitions; then tanh x = 2σ(2x) - 1 through 2/(1 + e^{-2x}) - 1, the oddness
# tanh(-x) = -tanh x, and the derivative by the chain rule, 4σ(2x)(1 - σ(2x)) = 1 - tanh² x,
# using σ(2x) = (1 + tanh x)/2 and 1 - σ(2x) = (1 - tanh x)/2. h = tanh x at the end is a
# definition. No planted slip: every step holds.

SIZES = (1,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def tanh(t):
    """The document's definition of tanh."""
    return (mp.exp(t) - mp.exp(-t)) / (mp.exp(t) + mp.exp(-t))


def E2(v):
    return mp.exp(-2 * v.x)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def s2(v):
    return sigmoid(2 * v.x)


STEPS = [
    Step(3, 103, kind="definition"),
    Step(5, 11, kind="definition"),
    *chain(
        [(13, 11), (13, 45), (13, 85)],
        [
            lambda v, n: tanh(v.x),
            lambda v, n: (1 - E2(v)) / (1 + E2(v)),
            lambda v, n: (2 - (1 + E2(v))) / (1 + E2(v)),
            lambda v, n: 2 / (1 + E2(v)) - 1,
        ],
    ),
    Step(17, 11, lhs=lambda v, n: tanh(v.x), rhs=lambda v, n: 2 * s2(v) - 1),
    Step(19, 107, lhs=lambda v, n: tanh(-v.x), rhs=lambda v, n: -tanh(v.x)),
    Step(
        23,
        28,
        lhs=lambda v, n: dscalar(sigmoid, v.x),
        rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
    ),
    *chain(
        [(25, 24), (25, 47)],
        [
            lambda v, n: dscalar(tanh, v.x),
            lambda v, n: 2 * 2 * dscalar(sigmoid, 2 * v.x),
            lambda v, n: 4 * s2(v) * (1 - s2(v)),
        ],
    ),
    Step(27, 56, lhs=lambda v, n: s2(v), rhs=lambda v, n: (1 + tanh(v.x)) / 2),
    Step(27, 99, lhs=lambda v, n: 1 - s2(v), rhs=lambda v, n: (1 - tanh(v.x)) / 2),
    *chain(
        [(29, 24), (29, 84)],
        [
            lambda v, n: dscalar(tanh, v.x),
            lambda v, n: 4 * (1 + tanh(v.x)) / 2 * (1 - tanh(v.x)) / 2,
            lambda v, n: 1 - tanh(v.x) ** 2,
        ],
    ),
    Step(31, 243, kind="definition"),
]
