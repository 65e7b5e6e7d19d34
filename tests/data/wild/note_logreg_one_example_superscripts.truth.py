import mpmath as mp
from truth import Point, Step, sigmoid

# One example i: a score z, the prediction a = sigma(z) and a label y (the note never says
# which values y takes, so y is any real number). The sigmoid's derivative is slipped:
# a(1 + a) for a(1 - a).
SIZES = (1,)


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)), y=mp.mpf(rng.uniform(-1, 2)))


def loss_of_a(v, a):
    return -v.y * mp.log(a) - (1 - v.y) * mp.log(1 - a)


def dloss_da(v):
    return mp.diff(lambda a: loss_of_a(v, a), sigmoid(v.z))


def da_dz(v):
    return mp.diff(sigmoid, v.z)


STEPS = [
    Step(4, 10, kind="definition"),
    Step(4, 28, lhs=lambda v, n: sigmoid(v.z), rhs=lambda v, n: 1 / (1 + mp.exp(-v.z))),
    Step(7, 5, kind="definition"),
    Step(13, 22, kind="definition"),
    Step(
        14,
        28,
        lhs=lambda v, n: dloss_da(v),
        rhs=lambda v, n: -v.y / sigmoid(v.z) + (1 - v.y) / (1 - sigmoid(v.z)),
    ),
    Step(
        15,
        2,
        lhs=lambda v, n: -v.y / sigmoid(v.z) + (1 - v.y) / (1 - sigmoid(v.z)),
        rhs=lambda v, n: (sigmoid(v.z) - v.y) / (sigmoid(v.z) * (1 - sigmoid(v.z))),
    ),
    Step(
        23,
        28,
        lhs=lambda v, n: da_dz(v),
        rhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
    ),
    Step(
        24,
        2,
        lhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
        rhs=lambda v, n: sigmoid(v.z) * (1 + sigmoid(v.z)),
    ),
    Step(
        30,
        29,
        lhs=lambda v, n: mp.diff(lambda z: loss_of_a(v, sigmoid(z)), v.z),
        rhs=lambda v, n: dloss_da(v) * da_dz(v),
    ),
    Step(30, 82, lhs=lambda v, n: dloss_da(v) * da_dz(v), rhs=lambda v, n: sigmoid(v.z) - v.y),
]
