import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# Row vectors: the gradient is a row, times the Jacobian (rows: outputs s_k, columns: inputs
# x_r); the last step flips the sign of s - y.


def sample(rng, n):
    return Point(x=reals(rng, n), y=one_hot(rng, n))


def cost(y, s):
    return -sum(yi * mp.log(si) for yi, si in zip(y, s, strict=True))


def grad_s(v, k):
    return d(lambda s: cost(v.y, s), softmax(v.x), k)


def grad_x(v, r):
    return d(lambda x: cost(v.y, softmax(x)), v.x, r)


def bracketed(v, n, r):
    s = softmax(v.x)
    return sum(-v.y[k] / s[k] * (delta(k + 1, r) * s[k] - s[k] * s[r - 1]) for k in range(n))


STEPS = [
    Step(4, 30, kind="definition"),
    Step(6, 27, kind="definition"),
    Step(
        10,
        24,
        lhs=lambda v, n, r: grad_s(v, r),
        rhs=lambda v, n, r: -v.y[r - 1] / softmax(v.x)[r - 1],
        indices=("r",),
    ),
    Step(
        14,
        24,
        lhs=lambda v, n, r: grad_x(v, r),
        rhs=lambda v, n, r: sum(
            grad_s(v, k) * d(lambda x: softmax(x)[k - 1], v.x, r) for k in range(1, n + 1)
        ),
        indices=("r",),
    ),
    Step(16, 24, lhs=lambda v, n, r: grad_x(v, r), rhs=bracketed, indices=("r",)),
    Step(
        16,
        118,
        lhs=bracketed,
        rhs=lambda v, n, r: v.y[r - 1] - softmax(v.x)[r - 1],
        indices=("r",),
        note="the sign: s - y",
    ),
]
