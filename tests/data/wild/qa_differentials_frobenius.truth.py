import mpmath as mp
from truth import Point, Step, d, dscalar, one_hot, reals, softmax

# Differentials: each side is the change along a direction dz, judged at random directions.
SIZES = (2, 3, 4)
R = ("r",)


def sample(rng, n):
    # stated: the target is one-hot
    return Point(z=reals(rng, n), y=one_hot(rng, n), dz=reals(rng, n))


def p(v):
    return softmax(v.z)


def along(v, f):
    """The differential of f (a function of the logits) in the direction dz."""
    return dscalar(lambda t: f([zk + t * dk for zk, dk in zip(v.z, v.dz, strict=True)]), 0)


def loss(z, y):
    return -sum(yk * mp.log(pk) for yk, pk in zip(y, softmax(z), strict=True))


def dot(a, b):
    return sum(x * y for x, y in zip(a, b, strict=True))


def dp(v, r):
    return along(v, lambda z: softmax(z)[r - 1])


def dlogp(v, r):
    return along(v, lambda z: mp.log(softmax(z)[r - 1]))


STEPS = [
    Step(
        7,
        19,
        indices=R,
        lhs=lambda v, n, r: dlogp(v, r),
        rhs=lambda v, n, r: v.dz[r - 1] - p(v)[r - 1] * sum(v.dz),
        note="the transpose on the wrong factor: p 1^T dz is p times the sum of dz",
    ),
    Step(
        15,
        5,
        lhs=lambda v, n: loss(v.z, v.y),
        rhs=lambda v, n: -dot(v.y, [mp.log(t) for t in p(v)]),
    ),
    Step(
        19,
        15,
        indices=R,
        lhs=lambda v, n, r: dp(v, r),
        rhs=lambda v, n, r: p(v)[r - 1] * v.dz[r - 1] - p(v)[r - 1] * dot(p(v), v.dz),
    ),
    Step(
        23,
        19,
        indices=R,
        lhs=lambda v, n, r: dlogp(v, r),
        rhs=lambda v, n, r: v.dz[r - 1] - dot(p(v), v.dz),
    ),
    Step(
        29,
        5,
        lhs=lambda v, n: along(v, lambda z: loss(z, v.y)),
        rhs=lambda v, n: -sum(v.y[r - 1] * dlogp(v, r) for r in range(1, n + 1)),
    ),
    Step(
        30,
        2,
        lhs=lambda v, n: -sum(v.y[r - 1] * dlogp(v, r) for r in range(1, n + 1)),
        rhs=lambda v, n: -dot(v.y, v.dz) + sum(v.y) * dot(p(v), v.dz),
    ),
    Step(
        31,
        2,
        lhs=lambda v, n: -dot(v.y, v.dz) + sum(v.y) * dot(p(v), v.dz),
        rhs=lambda v, n: dot([a - b for a, b in zip(p(v), v.y, strict=True)], v.dz),
    ),
    Step(
        37,
        25,
        indices=R,
        lhs=lambda v, n, r: d(lambda z: loss(z, v.y), v.z, r),
        rhs=lambda v, n, r: p(v)[r - 1] - v.y[r - 1],
    ),
    Step(
        42,
        15,
        indices=R,
        lhs=lambda v, n, r: along(v, lambda z: softmax(z)[r - 1] - v.y[r - 1]),
        rhs=lambda v, n, r: dp(v, r),
    ),
    Step(
        42,
        29,
        indices=R,
        lhs=lambda v, n, r: dp(v, r),
        rhs=lambda v, n, r: p(v)[r - 1] * v.dz[r - 1] - p(v)[r - 1] * dot(p(v), v.dz),
    ),
]
