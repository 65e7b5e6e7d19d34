import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid
from truth_linalg import matmul, matrix, transpose


def sample(rng, n):
    # stated: y in {0, 1}; batch of M = N examples with D = N features
    return Point(
        w=reals(rng, n),
        x=reals(rng, n),
        b=mp.mpf(rng.uniform(-1, 1)),
        y=mp.mpf(rng.randrange(2)),
        X=matrix(rng, n, n),
        ys=[mp.mpf(rng.randrange(2)) for _ in range(n)],
    )


def bce(yhat, y):
    return -(y * mp.log(yhat) + (1 - y) * mp.log(1 - yhat))


def z_of(w, x, b):
    return sum(a * c for a, c in zip(w, x, strict=True)) + b


def z(v):
    return z_of(v.w, v.x, v.b)


def yh(v):
    return sigmoid(z(v))


def dL_dyhat(v):
    return dscalar(lambda t: bce(t, v.y), yh(v))


def dyhat_dz(v):
    return dscalar(sigmoid, z(v))


def dL_dz(v):
    return dscalar(lambda t: bce(sigmoid(t), v.y), z(v))


def batch_loss(v, w):
    zs = [row[0] for row in matmul(v.X, [[t] for t in w])]
    return sum(bce(sigmoid(zm), ym) for zm, ym in zip(zs, v.ys, strict=True)) / len(zs)


def batch_yhat(v):
    return [sigmoid(row[0]) for row in matmul(v.X, [[t] for t in v.w])]


def batch_sum(v, n, d_):
    yhs = batch_yhat(v)
    return sum((v.ys[m] - yhs[m]) * v.X[m][d_ - 1] for m in range(n)) / n


D = ("d_",)

STEPS = [
    Step(8, 5, kind="definition"),
    Step(10, 11, kind="definition"),
    Step(10, 23, kind="definition"),
    Step(12, 5, kind="definition"),
    Step(
        18,
        39,
        lhs=lambda v, n: dL_dyhat(v),
        rhs=lambda v, n: v.y / yh(v) - (1 - v.y) / (1 - yh(v)),
        note="dropped minus sign: the derivative is -(y/yhat - (1-y)/(1-yhat))",
    ),
    Step(
        18,
        87,
        lhs=lambda v, n: v.y / yh(v) - (1 - v.y) / (1 - yh(v)),
        rhs=lambda v, n: (v.y * (1 - yh(v)) - (1 - v.y) * yh(v)) / (yh(v) * (1 - yh(v))),
    ),
    Step(
        18,
        150,
        lhs=lambda v, n: (v.y * (1 - yh(v)) - (1 - v.y) * yh(v)) / (yh(v) * (1 - yh(v))),
        rhs=lambda v, n: (v.y - yh(v)) / (yh(v) * (1 - yh(v))),
    ),
    Step(
        24,
        39,
        lhs=lambda v, n: dyhat_dz(v),
        rhs=lambda v, n: sigmoid(z(v)) * (1 - sigmoid(z(v))),
    ),
    Step(
        24,
        77,
        lhs=lambda v, n: sigmoid(z(v)) * (1 - sigmoid(z(v))),
        rhs=lambda v, n: yh(v) * (1 - yh(v)),
    ),
    Step(31, 33, lhs=lambda v, n: dL_dz(v), rhs=lambda v, n: dL_dyhat(v) * dyhat_dz(v)),
    Step(
        31,
        108,
        lhs=lambda v, n: dL_dyhat(v) * dyhat_dz(v),
        rhs=lambda v, n: (v.y - yh(v)) / (yh(v) * (1 - yh(v))) * (yh(v) * (1 - yh(v))),
        note="substitutes the sign-dropped dL/dyhat",
    ),
    Step(
        31,
        178,
        lhs=lambda v, n: (v.y - yh(v)) / (yh(v) * (1 - yh(v))) * (yh(v) * (1 - yh(v))),
        rhs=lambda v, n: v.y - yh(v),
    ),
    Step(
        37,
        25,
        indices=D,
        lhs=lambda v, n, d_: d(lambda w: bce(sigmoid(z_of(w, v.x, v.b)), v.y), v.w, d_),
        rhs=lambda v, n, d_: dL_dz(v) * v.x[d_ - 1],
    ),
    Step(
        37,
        69,
        indices=D,
        lhs=lambda v, n, d_: dL_dz(v) * v.x[d_ - 1],
        rhs=lambda v, n, d_: (v.y - yh(v)) * v.x[d_ - 1],
        note="carries the sign error: the gradient is (yhat - y) x",
    ),
    Step(
        39,
        33,
        lhs=lambda v, n: dscalar(lambda b: bce(sigmoid(z_of(v.w, v.x, b)), v.y), v.b),
        rhs=lambda v, n: v.y - yh(v),
        note="carries the sign error",
    ),
    Step(
        46,
        53,
        indices=D,
        lhs=lambda v, n, d_: d(lambda w: batch_loss(v, w), v.w, d_),
        rhs=batch_sum,
        note="carries the sign error",
    ),
    Step(
        46,
        113,
        indices=D,
        lhs=batch_sum,
        rhs=lambda v, n, d_: (
            matmul(
                transpose(v.X),
                [[ym - yhm] for ym, yhm in zip(v.ys, batch_yhat(v), strict=True)],
            )[d_ - 1][0]
            / n
        ),
    ),
]
