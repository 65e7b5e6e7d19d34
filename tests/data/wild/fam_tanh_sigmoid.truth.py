import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, sigmoid


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)), z=mp.mpf(rng.uniform(-3, 3)), zs=reals(rng, n))


def tanh(t):
    """The document's definition of tanh."""
    return (mp.exp(t) - mp.exp(-t)) / (mp.exp(t) + mp.exp(-t))


def e(t):
    return mp.exp(t)


def layer(zs):
    return [tanh(t) for t in zs]


STEPS = [
    Step(11, 12, kind="definition"),
    Step(
        11,
        52,
        lhs=lambda v, n: (e(v.x) - e(-v.x)) / (e(v.x) + e(-v.x)),
        rhs=lambda v, n: (1 - e(-2 * v.x)) / (1 + e(-2 * v.x)),
    ),
    Step(
        15,
        35,
        lhs=lambda v, n: (1 - e(-2 * v.x)) / (1 + e(-2 * v.x)),
        rhs=lambda v, n: (2 - (1 + e(-2 * v.x))) / (1 + e(-2 * v.x)),
    ),
    Step(
        15,
        75,
        lhs=lambda v, n: (2 - (1 + e(-2 * v.x))) / (1 + e(-2 * v.x)),
        rhs=lambda v, n: 2 / (1 + e(-2 * v.x)) - 1,
    ),
    Step(
        15,
        103,
        lhs=lambda v, n: 2 / (1 + e(-2 * v.x)) - 1,
        rhs=lambda v, n: 2 * sigmoid(2 * v.x) - 1,
    ),
    Step(19, 13, lhs=lambda v, n: sigmoid(v.x), rhs=lambda v, n: (1 + tanh(v.x / 2)) / 2),
    Step(
        25,
        13,
        lhs=lambda v, n: dscalar(tanh, v.x),
        rhs=lambda v, n: (
            ((e(v.x) + e(-v.x)) ** 2 - (e(v.x) - e(-v.x)) ** 2) / (e(v.x) + e(-v.x)) ** 2
        ),
    ),
    Step(
        25,
        82,
        lhs=lambda v, n: (
            ((e(v.x) + e(-v.x)) ** 2 - (e(v.x) - e(-v.x)) ** 2) / (e(v.x) + e(-v.x)) ** 2
        ),
        rhs=lambda v, n: 1 - tanh(v.x) ** 2,
    ),
    Step(
        29,
        18,
        lhs=lambda v, n: 1 - tanh(v.x) ** 2,
        rhs=lambda v, n: 4 * sigmoid(2 * v.x) * (1 - sigmoid(2 * v.x)),
    ),
    Step(35, 5, kind="definition", note="h names tanh(z)"),
    Step(
        35,
        16,
        lhs=lambda v, n: tanh(v.z),
        rhs=lambda v, n: 2 * sigmoid(v.z) - 1,
        note="tanh(z) = 2 sigma(z) - 1: the argument must be 2z",
    ),
    Step(
        40,
        33,
        lhs=lambda v, n: dscalar(tanh, v.z),
        rhs=lambda v, n: 2 * sigmoid(v.z) * (1 - sigmoid(v.z)),
        note="follows the wrong identity; the derivative of tanh(z) is 4 sigma'(2z)",
    ),
    Step(
        45,
        51,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d(lambda zs: layer(zs)[i - 1], v.zs, j),
        rhs=lambda v, n, i, j: delta(i, j) - delta(i, j) * layer(v.zs)[i - 1] ** 2,
    ),
]
