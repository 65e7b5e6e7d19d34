import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid
from truth_linalg import matmul, matrix, transpose


def sample(rng, n):
    # stated: t in [0, 1]; batch with M = D = N
    return Point(
        z=mp.mpf(rng.uniform(-4, 4)),
        t=mp.mpf(rng.uniform(0, 1)),
        X=matrix(rng, n, n),
        w=reals(rng, n),
        ts=[mp.mpf(rng.uniform(0, 1)) for _ in range(n)],
    )


def ell(z, t):
    """The document's definition of the loss."""
    return -t * mp.log(sigmoid(z)) - (1 - t) * mp.log(1 - sigmoid(z))


def e(x):
    return mp.exp(x)


def log1pe(x):
    return mp.log(1 + e(x))


def mean_loss(v, w):
    zs = [row[0] for row in matmul(v.X, [[x] for x in w])]
    return sum(ell(zm, tm) for zm, tm in zip(zs, v.ts, strict=True)) / len(zs)


def zs(v):
    return [row[0] for row in matmul(v.X, [[x] for x in v.w])]


STEPS = [
    Step(16, 15, kind="definition"),
    Step(
        17,
        15,
        lhs=lambda v, n: ell(v.z, v.t),
        rhs=lambda v, n: v.t * log1pe(-v.z) - (1 - v.t) * mp.log(e(-v.z) / (1 + e(-v.z))),
    ),
    Step(
        18,
        15,
        lhs=lambda v, n: v.t * log1pe(-v.z) - (1 - v.t) * mp.log(e(-v.z) / (1 + e(-v.z))),
        rhs=lambda v, n: v.t * log1pe(-v.z) + (1 - v.t) * (v.z + log1pe(-v.z)),
    ),
    Step(
        19,
        15,
        lhs=lambda v, n: v.t * log1pe(-v.z) + (1 - v.t) * (v.z + log1pe(-v.z)),
        rhs=lambda v, n: (1 - v.t) * v.z + log1pe(-v.z),
    ),
    Step(
        20,
        15,
        lhs=lambda v, n: (1 - v.t) * v.z + log1pe(-v.z),
        rhs=lambda v, n: v.z - v.t * v.z + log1pe(-v.z),
    ),
    Step(
        25,
        41,
        lhs=lambda v, n: v.z - v.t * v.z + log1pe(-v.z),
        rhs=lambda v, n: v.z - v.t * v.z + mp.log(e(-v.z) * (e(v.z) + 1)),
    ),
    Step(
        26,
        41,
        lhs=lambda v, n: v.z - v.t * v.z + mp.log(e(-v.z) * (e(v.z) + 1)),
        rhs=lambda v, n: -v.t * v.z + log1pe(v.z),
    ),
    Step(
        30,
        14,
        lhs=lambda v, n: ell(v.z, v.t),
        rhs=lambda v, n: max(v.z, 0) - v.t * v.z + mp.log(1 + e(-abs(v.z))),
    ),
    Step(
        37,
        37,
        lhs=lambda v, n: dscalar(lambda z: ell(z, v.t), v.z),
        rhs=lambda v, n: 1 - v.t - e(-v.z) / (1 + e(-v.z)),
    ),
    Step(
        38,
        37,
        lhs=lambda v, n: 1 - v.t - e(-v.z) / (1 + e(-v.z)),
        rhs=lambda v, n: 1 - v.t - (1 - sigmoid(v.z)),
    ),
    Step(
        39,
        37,
        lhs=lambda v, n: 1 - v.t - (1 - sigmoid(v.z)),
        rhs=lambda v, n: sigmoid(v.z) - v.t,
    ),
    Step(
        48,
        35,
        indices=("d_",),
        lhs=lambda v, n, d_: d(lambda w: mean_loss(v, w), v.w, d_),
        rhs=lambda v, n, d_: (
            sum((sigmoid(zs(v)[m]) - v.ts[m]) * v.X[m][d_ - 1] for m in range(n)) / n
        ),
    ),
    Step(
        49,
        5,
        indices=("d_",),
        lhs=lambda v, n, d_: (
            sum((sigmoid(zs(v)[m]) - v.ts[m]) * v.X[m][d_ - 1] for m in range(n)) / n
        ),
        rhs=lambda v, n, d_: (
            matmul(
                transpose(v.X), [[sigmoid(zm) - tm] for zm, tm in zip(zs(v), v.ts, strict=True)]
            )[d_ - 1][0]
            / n
        ),
    ),
]
