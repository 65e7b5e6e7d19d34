import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A README-style derivation written as plain text: the logistic loss by z through p = σ(z).
# The loss by p forgets the chain rule's sign on log(1 - p) (it is -y/p + (1-y)/(1-p)); the
# chain rule after it writes the right factor, so the steps after it hold.


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-2.0, 2.0)), y=mp.mpf(rng.choice((0, 1))))


def loss_of_p(p, y):
    return -(y * mp.log(p) + (1 - y) * mp.log(1 - p))


def dloss_dp(v):
    return dscalar(lambda p: loss_of_p(p, v.y), sigmoid(v.z))


def dp_dz(v):
    return dscalar(sigmoid, v.z)


def dloss_dz(v):
    return dscalar(lambda z: loss_of_p(sigmoid(z), v.y), v.z)


SIZES = (1,)
STEPS = [
    Step(5, 3, kind="definition"),
    Step(9, 6, kind="definition"),
    Step(
        15,
        7,
        lhs=lambda v, n: dp_dz(v),
        rhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
    ),
    Step(
        16,
        1,
        lhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    Step(
        20,
        10,
        lhs=lambda v, n: dloss_dp(v),
        rhs=lambda v, n: -(v.y / sigmoid(v.z) + (1 - v.y) / (1 - sigmoid(v.z))),
    ),
    Step(24, 10, lhs=lambda v, n: dloss_dz(v), rhs=lambda v, n: dloss_dp(v) * dp_dz(v)),
    Step(
        25,
        1,
        lhs=lambda v, n: dloss_dp(v) * dp_dz(v),
        rhs=lambda v, n: (
            (-v.y / sigmoid(v.z) + (1 - v.y) / (1 - sigmoid(v.z)))
            * sigmoid(v.z)
            * (1 - sigmoid(v.z))
        ),
    ),
    Step(
        26,
        1,
        lhs=lambda v, n: (
            (-v.y / sigmoid(v.z) + (1 - v.y) / (1 - sigmoid(v.z)))
            * sigmoid(v.z)
            * (1 - sigmoid(v.z))
        ),
        rhs=lambda v, n: -v.y * (1 - sigmoid(v.z)) + (1 - v.y) * sigmoid(v.z),
    ),
    Step(
        27,
        1,
        lhs=lambda v, n: -v.y * (1 - sigmoid(v.z)) + (1 - v.y) * sigmoid(v.z),
        rhs=lambda v, n: sigmoid(v.z) - v.y,
    ),
    Step(34, 16, lhs=lambda v, n: dloss_dz(v), rhs=lambda v, n: sigmoid(v.z) - v.y),
]
