import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# Andrew Ng's names: da, dz, db are the derivatives of the loss, as the displays state.
SIZES = (1,)


def sample(rng, n):
    return Point(
        w=mp.mpf(rng.uniform(-2, 2)),
        x=mp.mpf(rng.uniform(-2, 2)),
        b=mp.mpf(rng.uniform(-2, 2)),
        y=mp.mpf(rng.uniform(0, 1)),
    )


def loss_of_a(a, y):
    return -y * mp.log(a) - (1 - y) * mp.log(1 - a)


def a_of(v, b=None):
    return sigmoid(v.w * v.x + (v.b if b is None else b))


STEPS = [
    Step(5, 21, kind="definition"),
    Step(9, 6, kind="definition"),
    Step(
        9,
        48,
        lhs=lambda v, n: dscalar(lambda a: loss_of_a(a, v.y), a_of(v)),
        rhs=lambda v, n: v.y / a_of(v) - (1 - v.y) / (1 - a_of(v)),
        note="the sign: -y/a + (1 - y)/(1 - a)",
    ),
    Step(11, 6, kind="definition"),
    Step(
        11,
        48,
        lhs=lambda v, n: dscalar(lambda z: loss_of_a(sigmoid(z), v.y), v.w * v.x + v.b),
        rhs=lambda v, n: a_of(v) - v.y,
    ),
    Step(13, 6, kind="definition"),
    Step(
        13,
        48,
        lhs=lambda v, n: dscalar(lambda b: loss_of_a(a_of(v, b), v.y), v.b),
        rhs=lambda v, n: dscalar(lambda z: loss_of_a(sigmoid(z), v.y), v.w * v.x + v.b),
    ),
]
