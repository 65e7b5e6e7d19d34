import mpmath as mp
from truth import Point, Step, dscalar, reals, sigmoid

# Logistic regression on N scalar samples numbered n = 0, …, N-1: a_n = w_0 x_n + w_1,
# y_n = σ(a_n), t_n ∈ {0, 1}, E the mean cross-entropy. The size of a sample is N. A step with a
# free sample index n is evaluated for every sample (the truth index "k" is n + 1, 1-based).
# Planted: ∂E/∂w_1 drops the factor 1/N of the mean.


def sample(rng, n):
    return Point(
        x=reals(rng, n),
        t=[mp.mpf(rng.choice((0, 1))) for _ in range(n)],
        w0=mp.mpf(rng.uniform(-2, 2)),
        w1=mp.mpf(rng.uniform(-2, 2)),
        a=mp.mpf(rng.uniform(-3, 3)),
    )


def E_of(w0, w1, v):
    total = 0
    for x, t in zip(v.x, v.t, strict=True):
        y = sigmoid(w0 * x + w1)
        total += t * mp.log(y) + (1 - t) * mp.log(1 - y)
    return -total / len(v.x)


def a_n(v, k, w0=None, w1=None):
    return (v.w0 if w0 is None else w0) * v.x[k - 1] + (v.w1 if w1 is None else w1)


def y_n(v, k):
    return sigmoid(a_n(v, k))


def samples(n):
    return range(1, n + 1)


def chain_w0(v, n):  # the chain rule inside the sum, as line 19 writes it
    total = 0
    for k in samples(n):
        y, t = y_n(v, k), v.t[k - 1]
        total += ((1 - t) / (1 - y) - t / y) * y * (1 - y) * v.x[k - 1]
    return total / n


K = ("k",)

STEPS = [
    Step(6, 7, kind="definition"),
    Step(8, 7, kind="definition"),
    Step(12, 8, kind="definition"),
    Step(
        14,
        29,
        lhs=lambda v, n: dscalar(sigmoid, v.a),
        rhs=lambda v, n: sigmoid(v.a) * (1 - sigmoid(v.a)),
    ),
    Step(
        15,
        36,
        indices=K,
        lhs=lambda v, n, k: dscalar(sigmoid, a_n(v, k)),
        rhs=lambda v, n, k: y_n(v, k) * (1 - y_n(v, k)),
    ),
    Step(
        15,
        95,
        indices=K,
        lhs=lambda v, n, k: dscalar(lambda w: a_n(v, k, w0=w), v.w0),
        rhs=lambda v, n, k: v.x[k - 1],
    ),
    Step(
        19,
        35,
        lhs=lambda v, n: dscalar(lambda w: E_of(w, v.w1, v), v.w0),
        rhs=chain_w0,
    ),
    Step(
        21,
        60,
        indices=K,
        lhs=lambda v, n, k: (1 - v.t[k - 1]) * y_n(v, k) - v.t[k - 1] * (1 - y_n(v, k)),
        rhs=lambda v, n, k: y_n(v, k) - v.t[k - 1],
    ),
    Step(
        23,
        35,
        lhs=lambda v, n: dscalar(lambda w: E_of(w, v.w1, v), v.w0),
        rhs=lambda v, n: sum((y_n(v, k) - v.t[k - 1]) * v.x[k - 1] for k in samples(n)) / n,
    ),
    Step(
        25,
        53,
        indices=K,
        lhs=lambda v, n, k: dscalar(lambda w: a_n(v, k, w1=w), v.w1),
        rhs=lambda v, n, k: 1,
    ),
    Step(
        27,
        35,
        lhs=lambda v, n: dscalar(lambda w: E_of(v.w0, w, v), v.w1),
        rhs=lambda v, n: sum(y_n(v, k) - v.t[k - 1] for k in samples(n)),
        note="planted: the bias gradient drops the 1/N of the mean",
    ),
]
