import mpmath as mp
from truth import Point, Step, dscalar, one_hot, reals, softmax

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


def dot(a, b):
    return sum(x * y for x, y in zip(a, b, strict=True))


def dp(v, r):
    return along(v, lambda z: softmax(z)[r - 1])


def dlogp(v, r):
    return along(v, lambda z: mp.log(softmax(z)[r - 1]))


def jacobian_dz(v, r):
    """(Diag(p) - p p^T) dz, entry r."""
    return p(v)[r - 1] * v.dz[r - 1] - p(v)[r - 1] * dot(p(v), v.dz)


def dloss(v, n):
    return along(v, lambda z: -dot(v.y, [mp.log(t) for t in softmax(z)]))


CHAIN = [
    dloss,
    lambda v, n: -sum(v.y[k] * dlogp(v, k + 1) for k in range(n)),
    lambda v, n: -sum(v.y[k] * dp(v, k + 1) / p(v)[k] for k in range(n)),
    lambda v, n: -sum(v.y[k] * jacobian_dz(v, k + 1) / p(v)[k] for k in range(n)),
    # (I - 1 p^T) dz, entry k: dz_k - p . dz
    lambda v, n: -sum(v.y[k] * (v.dz[k] - dot(p(v), v.dz)) for k in range(n)),
    lambda v, n: dot([a - b for a, b in zip(p(v), v.y, strict=True)], v.dz),
]

STEPS = [
    Step(16, 13, indices=R, lhs=lambda v, n, r: dp(v, r), rhs=lambda v, n, r: jacobian_dz(v, r)),
    Step(
        23,
        17,
        indices=R,
        lhs=lambda v, n, r: dlogp(v, r),
        rhs=lambda v, n, r: dp(v, r) / p(v)[r - 1],
    ),
    *[
        Step(line, col, lhs=CHAIN[k], rhs=CHAIN[k + 1])
        for k, (line, col) in enumerate([(30, 5), (31, 2), (32, 2), (33, 2), (34, 2)])
    ],
    # the inverse dropped: multiplies by p_r instead of dividing
    Step(
        45,
        17,
        indices=R,
        lhs=lambda v, n, r: dlogp(v, r),
        rhs=lambda v, n, r: p(v)[r - 1] * dp(v, r),
    ),
]
