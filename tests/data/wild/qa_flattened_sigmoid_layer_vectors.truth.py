import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid

# a Q&A page whose line breaks were lost: $…$ inline, $$…$$ displays in the sentences; a sigmoid
# layer a = σ(z) (σ named in words) with a squared error; planted: the asker's 1 + a


def sample(rng, n):
    return Point(z=reals(rng, n), y=reals(rng, n), x=mp.mpf(rng.uniform(-4, 4)))


def a(z):
    return [sigmoid(t) for t in z]


def loss(v, a_):
    return sum((ai - yi) ** 2 for ai, yi in zip(a_, v.y)) / 2


def grad_z(v, n, r):
    return d(lambda z: loss(v, a(z)), v.z, r)


def err(v, r):
    return a(v.z)[r - 1] - v.y[r - 1]


def s(t):
    return sigmoid(t)


STEPS = [
    Step(3, 28, kind="definition"),
    Step(3, 106, kind="definition"),
    Step(
        3,
        206,
        indices=("r",),
        lhs=lambda v, n, r: d(lambda a_: loss(v, a_), a(v.z), r),
        rhs=lambda v, n, r: err(v, r),
    ),
    Step(
        3,
        286,
        indices=("r",),
        lhs=grad_z,
        rhs=lambda v, n, r: err(v, r) * a(v.z)[r - 1] * (1 + a(v.z)[r - 1]),
        note="planted: 1 + a for 1 - a",
    ),
    Step(
        5,
        58,
        lhs=lambda v, n: dscalar(sigmoid, v.x),
        rhs=lambda v, n: s(v.x) * (1 - s(v.x)),
    ),
    Step(
        5,
        145,
        indices=("r",),
        lhs=grad_z,
        rhs=lambda v, n, r: err(v, r) * dscalar(sigmoid, v.z[r - 1]),
    ),
    Step(
        5,
        199,
        indices=("r",),
        lhs=lambda v, n, r: err(v, r) * dscalar(sigmoid, v.z[r - 1]),
        rhs=lambda v, n, r: err(v, r) * s(v.z[r - 1]) * (1 - s(v.z[r - 1])),
    ),
    Step(
        5,
        283,
        indices=("r",),
        lhs=lambda v, n, r: err(v, r) * s(v.z[r - 1]) * (1 - s(v.z[r - 1])),
        rhs=lambda v, n, r: err(v, r) * a(v.z)[r - 1] * (1 - a(v.z)[r - 1]),
    ),
    Step(5, 418, lhs=lambda v, n: s(-v.x), rhs=lambda v, n: 1 - s(v.x)),
    Step(
        5,
        497,
        indices=("r",),
        lhs=grad_z,
        rhs=lambda v, n, r: err(v, r) * s(v.z[r - 1]) * s(-v.z[r - 1]),
    ),
]
