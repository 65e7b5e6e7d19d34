import mpmath as mp
from truth import Point, Step, sigmoid

# sigma'(z) through u = 1 + e^{-z}, each row with its reason after \because. One reason is
# wrong (d/dz e^{-z} = e^{-z}: the sign is lost); the row it stands beside is right.
SIZES = (1,)


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), u=mp.mpf(rng.uniform(0.5, 3)))


def u_of(z):
    return 1 + mp.exp(-z)


STEPS = [
    Step(3, 17, kind="definition"),
    Step(3, 54, kind="definition"),
    Step(
        7,
        13,
        lhs=lambda v, n: mp.diff(sigmoid, v.z),
        rhs=lambda v, n: -1 / u_of(v.z) ** 2 * mp.diff(u_of, v.z),
    ),
    Step(7, 82, lhs=lambda v, n: mp.diff(lambda u: 1 / u, v.u), rhs=lambda v, n: -1 / v.u**2),
    Step(
        8,
        2,
        lhs=lambda v, n: -1 / u_of(v.z) ** 2 * mp.diff(u_of, v.z),
        rhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
    ),
    Step(
        8,
        69,
        lhs=lambda v, n: mp.diff(lambda z: mp.exp(-z), v.z),
        rhs=lambda v, n: mp.exp(-v.z),
    ),
    Step(
        9,
        2,
        lhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
        rhs=lambda v, n: 1 / (1 + mp.exp(-v.z)) * mp.exp(-v.z) / (1 + mp.exp(-v.z)),
    ),
    Step(
        10,
        2,
        lhs=lambda v, n: 1 / (1 + mp.exp(-v.z)) * mp.exp(-v.z) / (1 + mp.exp(-v.z)),
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    Step(
        18,
        16,
        lhs=lambda v, n: 1 - sigmoid(v.z),
        rhs=lambda v, n: (1 + mp.exp(-v.z) - 1) / (1 + mp.exp(-v.z)),
    ),
    Step(18, 69, lhs=lambda v, n: 1, rhs=lambda v, n: (1 + mp.exp(-v.z)) / (1 + mp.exp(-v.z))),
    Step(
        19,
        2,
        lhs=lambda v, n: (1 + mp.exp(-v.z) - 1) / (1 + mp.exp(-v.z)),
        rhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)),
    ),
]
