import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# "the label is a bit, y in {0, 1}" (stated): y is sampled in {0, 1}.


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.choice([0, 1])))


def p(v):
    return sigmoid(v.z)


def L_of_z(v, z):
    q = sigmoid(z)
    return -v.y * mp.log(q) - (1 - v.y) * mp.log(1 - q)


SIZES = (1,) * 6  # several draws of the binary label

STEPS = [
    Step(6, 5, kind="definition"),
    Step(6, 17, lhs=lambda v, n: sigmoid(v.z), rhs=lambda v, n: 1 / (1 + mp.exp(-v.z))),
    Step(17, 5, kind="definition"),
    Step(
        17,
        39,
        lhs=lambda v, n: -v.y * mp.log(p(v)) - (1 - v.y) * mp.log(1 - p(v)),
        rhs=lambda v, n: -mp.log(v.y * p(v) + (1 - v.y) * (1 - p(v))),
        note="true for a binary label (stated)",
    ),
    Step(
        25,
        17,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
    ),
    Step(
        25,
        49,
        lhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
        rhs=lambda v, n: p(v) * (1 - p(v)),
    ),
    Step(
        29,
        17,
        lhs=lambda v, n: dscalar(lambda z: L_of_z(v, z), v.z),
        rhs=lambda v, n: (-v.y / p(v) + (1 - v.y) / (1 - p(v))) * p(v) * (1 - p(v)),
    ),
    Step(
        29,
        77,
        lhs=lambda v, n: (-v.y / p(v) + (1 - v.y) / (1 - p(v))) * p(v) * (1 - p(v)),
        rhs=lambda v, n: -v.y * (1 - p(v)) + (1 - v.y) * p(v),
    ),
    Step(
        29,
        101,
        lhs=lambda v, n: -v.y * (1 - p(v)) + (1 - v.y) * p(v),
        rhs=lambda v, n: p(v) + v.y - 2 * p(v) * v.y,
        note="planted: wrong sign of y",
    ),
    Step(
        34,
        25,
        lhs=lambda v, n: -v.y * (1 - p(v)) + (1 - v.y) * p(v),
        rhs=lambda v, n: -v.y + v.y * p(v) + p(v) - v.y * p(v),
    ),
    Step(
        34, 46, lhs=lambda v, n: -v.y + v.y * p(v) + p(v) - v.y * p(v), rhs=lambda v, n: p(v) - v.y
    ),
    Step(42, 5, kind="definition"),
    Step(
        42,
        17,
        lhs=lambda v, n: (p(v) - v.y) ** 2,
        rhs=lambda v, n: p(v) ** 2 - 2 * p(v) * v.y + v.y,
        note="true for a binary label: y^2 = y (stated)",
    ),
    Step(
        46,
        17,
        lhs=lambda v, n: dscalar(lambda z: (sigmoid(z) - v.y) ** 2, v.z),
        rhs=lambda v, n: 2 * (p(v) - v.y) * p(v) * (1 - p(v)),
    ),
]
