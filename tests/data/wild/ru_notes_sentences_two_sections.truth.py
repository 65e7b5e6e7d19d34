import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# Two sections, both naming their loss Loss. Section 1: a batch of N examples, ŷ_i = w x_i + b,
# Loss = 1/(2N) Σ_i (ŷ_i - y_i)² (the derivative by ŷ_k treats the ŷ_i as free variables).
# Section 2: C classes, p = softmax(z), y one-hot (said in words), Loss = -Σ_j y_j log p_j.
# N and C are both the size n of a sample. Planted: ∂Loss/∂b with (y_i - ŷ_i), a sign slip.


def sample(rng, n):
    return Point(
        x=reals(rng, n),
        y=reals(rng, n),
        w=mp.mpf(rng.uniform(-2, 2)),
        b=mp.mpf(rng.uniform(-2, 2)),
        yhat=reals(rng, n),
        z=reals(rng, n),
        t=one_hot(rng, n),
    )


def mse_of_yhat(yhat, y):
    return sum((a - b) ** 2 for a, b in zip(yhat, y, strict=True)) / (2 * len(y))


def mse_of_wb(w, b, v):
    return mse_of_yhat([w * x + b for x in v.x], v.y)


def yhat_wb(v, i):
    return v.w * v.x[i - 1] + v.b


def ce(z, t):
    return -sum(a * mp.log(q) for a, q in zip(t, softmax(z), strict=True))


def p(v, k):
    return softmax(v.z)[k - 1]


def dce(v, m):
    return d(lambda z: ce(z, v.t), v.z, m)


def delta(a, b):
    return 1 if a == b else 0


K = ("k",)
M = ("m",)

STEPS = [
    Step(5, 57, kind="definition"),
    Step(8, 8, kind="definition"),
    Step(
        11,
        49,
        indices=K,
        lhs=lambda v, n, k: d(lambda q: mse_of_yhat(q, v.y), v.yhat, k),
        rhs=lambda v, n, k: 2 * (v.yhat[k - 1] - v.y[k - 1]) / (2 * n),
    ),
    Step(
        11,
        89,
        indices=K,
        lhs=lambda v, n, k: 2 * (v.yhat[k - 1] - v.y[k - 1]) / (2 * n),
        rhs=lambda v, n, k: (v.yhat[k - 1] - v.y[k - 1]) / n,
    ),
    Step(
        12,
        48,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda wb: wb[0] * v.x[i - 1] + wb[1], [v.w, v.b], 1),
        rhs=lambda v, n, i: v.x[i - 1],
    ),
    Step(
        13,
        44,
        lhs=lambda v, n: d(lambda wb: mse_of_wb(wb[0], wb[1], v), [v.w, v.b], 1),
        rhs=lambda v, n: (
            sum((yhat_wb(v, i) - v.y[i - 1]) * v.x[i - 1] for i in range(1, n + 1)) / n
        ),
    ),
    Step(
        15,
        44,
        lhs=lambda v, n: d(lambda wb: mse_of_wb(wb[0], wb[1], v), [v.w, v.b], 2),
        rhs=lambda v, n: sum(v.y[i - 1] - yhat_wb(v, i) for i in range(1, n + 1)) / n,
        note="planted: the sign of ŷ_i - y_i",
    ),
    Step(21, 7, kind="definition"),
    Step(25, 8, kind="definition"),
    Step(
        27,
        83,
        indices=("j", "m"),
        lhs=lambda v, n, j, m: d(lambda z: mp.log(softmax(z)[j - 1]), v.z, m),
        rhs=lambda v, n, j, m: delta(j, m) - p(v, m),
    ),
    Step(
        28,
        43,
        indices=M,
        lhs=lambda v, n, m: dce(v, m),
        rhs=lambda v, n, m: -sum(v.t[j - 1] * (delta(j, m) - p(v, m)) for j in range(1, n + 1)),
    ),
    Step(
        28,
        84,
        indices=M,
        lhs=lambda v, n, m: -sum(v.t[j - 1] * (delta(j, m) - p(v, m)) for j in range(1, n + 1)),
        rhs=lambda v, n, m: -v.t[m - 1] + p(v, m) * sum(v.t),
    ),
    Step(29, 27, kind="hypothesis"),
    Step(
        29,
        86,
        indices=M,
        lhs=lambda v, n, m: dce(v, m),
        rhs=lambda v, n, m: p(v, m) - v.t[m - 1],
    ),
]
