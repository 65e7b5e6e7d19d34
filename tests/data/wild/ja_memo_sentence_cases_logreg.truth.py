import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid

# Logistic regression on one input x of n features: ŷ = σ(w^T x + b), y ∈ {0, 1} (said in
# Japanese), L the binary cross-entropy. The sentence "i = j のとき … = x_j、i ≠ j のとき 0" states
# its equality for the case i = j only. Planted: ∂L/∂b copied from ∂L/∂w_j with its x_j.


def sample(rng, n):
    return Point(
        x=reals(rng, n),
        w=reals(rng, n),
        b=mp.mpf(rng.uniform(-2, 2)),
        y=mp.mpf(rng.choice((0, 1))),
    )


def z_of(w, b, v):
    return sum(a * c for a, c in zip(w, v.x, strict=True)) + b


def yhat(v):
    return sigmoid(z_of(v.w, v.b, v))


def loss_of_yhat(q, y):
    return -y * mp.log(q) - (1 - y) * mp.log(1 - q)


def loss_of_wb(wb, v):
    return loss_of_yhat(sigmoid(z_of(wb[:-1], wb[-1], v)), v.y)


def dL_dyhat(v):
    return dscalar(lambda q: loss_of_yhat(q, v.y), yhat(v))


J = ("j",)

STEPS = [
    Step(3, 8, kind="definition"),
    Step(5, 11, kind="definition"),
    Step(7, 14, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(12, 8, kind="definition"),
    Step(
        12,
        47,
        lhs=lambda v, n: dscalar(sigmoid, z_of(v.w, v.b, v)),
        rhs=lambda v, n: sigmoid(z_of(v.w, v.b, v)) * (1 - sigmoid(z_of(v.w, v.b, v))),
    ),
    Step(
        14,
        49,
        lhs=lambda v, n: dL_dyhat(v),
        rhs=lambda v, n: -v.y / yhat(v) + (1 - v.y) / (1 - yhat(v)),
    ),
    Step(
        15,
        47,
        lhs=lambda v, n: dscalar(lambda t: loss_of_yhat(sigmoid(t), v.y), z_of(v.w, v.b, v)),
        rhs=lambda v, n: dL_dyhat(v) * yhat(v) * (1 - yhat(v)),
    ),
    Step(
        15,
        106,
        lhs=lambda v, n: dL_dyhat(v) * yhat(v) * (1 - yhat(v)),
        rhs=lambda v, n: yhat(v) - v.y,
    ),
    Step(17, 7, kind="definition"),
    Step(
        18,
        54,
        indices=("i", "j"),
        case="i = j",
        lhs=lambda v, n, i, j: d(lambda w: w[i - 1] * v.x[i - 1], v.w, j),
        rhs=lambda v, n, i, j: v.x[j - 1],
    ),
    Step(
        19,
        40,
        indices=J,
        lhs=lambda v, n, j: d(lambda w: z_of(w, v.b, v), v.w, j),
        rhs=lambda v, n, j: v.x[j - 1],
    ),
    Step(
        21,
        35,
        indices=J,
        lhs=lambda v, n, j: d(lambda wb: loss_of_wb(wb, v), [*v.w, v.b], j),
        rhs=lambda v, n, j: (yhat(v) - v.y) * v.x[j - 1],
    ),
    Step(
        25,
        33,
        indices=J,
        lhs=lambda v, n, j: d(lambda wb: loss_of_wb(wb, v), [*v.w, v.b], n + 1),
        rhs=lambda v, n, j: (yhat(v) - v.y) * v.x[j - 1],
        note="planted: the bias gradient keeps the x_j of the weight gradient",
    ),
]
