import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A blog post that writes the binary cross-entropy as a cases block on the label
# (-\log p & y = 1 \\ -\log(1-p) & y = 0), then its derivative by p and by the logit z in the same
# form. A cases step is transcribed with the row the sampled label (0 or 1) selects; the label is
# drawn several times so both rows are judged. Planted: in the last cases block of the logit
# derivative the y = 1 row reads 1 - p, a sign slip (-1/p · p(1-p) is p - 1), which also
# contradicts the closing p - y. Everything else holds.

SIZES = (1,) * 8  # scalars: several draws of the binary label


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.choice((0, 1))))


def loss(q, y):
    """The cases block: the row the label selects."""
    return -mp.log(q) if y == 1 else -mp.log(1 - q)


def p(v):
    return sigmoid(v.z)


def rows_z(v, n):
    """The first cases block of the logit derivative, row by label."""
    if v.y == 1:
        return -1 / p(v) * p(v) * (1 - p(v))
    return 1 / (1 - p(v)) * p(v) * (1 - p(v))


STEPS = [
    Step(3, 150, kind="definition"),
    Step(3, 162, kind="definition"),
    Step(5, 5, kind="definition", note="the loss as a cases block on the label"),
    Step(
        9,
        33,
        lhs=lambda v, n: dscalar(lambda q: loss(q, v.y), p(v)),
        rhs=lambda v, n: -1 / p(v) if v.y == 1 else 1 / (1 - p(v)),
        note="the row the label selects",
    ),
    Step(
        11,
        53,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    Step(
        11,
        80,
        lhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
        rhs=lambda v, n: p(v) * (1 - p(v)),
    ),
    Step(
        13,
        33,
        lhs=lambda v, n: dscalar(lambda z: loss(sigmoid(z), v.y), v.z),
        rhs=rows_z,
        note="the row the label selects",
    ),
    Step(
        13,
        133,
        lhs=rows_z,
        rhs=lambda v, n: 1 - p(v) if v.y == 1 else p(v),
        note="planted: the y = 1 row has its sign flipped (it is p - 1)",
    ),
    Step(
        17,
        5,
        lhs=lambda v, n: loss(p(v), v.y),
        rhs=lambda v, n: -v.y * mp.log(p(v)) - (1 - v.y) * mp.log(1 - p(v)),
    ),
    Step(
        21,
        33,
        lhs=lambda v, n: dscalar(lambda z: loss(sigmoid(z), v.y), v.z),
        rhs=lambda v, n: p(v) - v.y,
    ),
]
