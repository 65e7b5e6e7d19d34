import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid

# A notebook cell on logistic regression: the one-line formula
# $\sigma(x) = \frac{1}{1 + e^{-x}} \Rightarrow \\ \sigma'(x) = …$, a cost L = (1/m) Σ_i L_i
# over m examples with an indexed label y_i, the label cases in prose ("For $y_i = 1$:" then
# "So the derivative is:" and \frac{dL_i}{d\hat{y}_i}; "For $y_i = 0$:" with both on one line),
# then both labels together and the gradients by w and b. Here m = N examples with two
# features each; z_i = w^T x_i + b, ŷ_i = σ(z_i). The label-case steps are transcribed at the
# stated label; dL_i/dŷ_i treats ŷ_i as the variable. The vector equalities (∂z_i/∂w = x_i and
# ∂L/∂w) are transcribed as the largest entry difference. No planted slip.

D = 2


def sample(rng, n):
    return Point(
        x=[reals(rng, D) for _ in range(n)],
        w=reals(rng, D),
        b=mp.mpf(rng.uniform(-1, 1)),
        y=[mp.mpf(rng.choice((0, 1))) for _ in range(n)],
        s=mp.mpf(rng.uniform(-3, 3)),
    )


def z(w, b, x):
    return mp.fsum(wc * xc for wc, xc in zip(w, x)) + b


def Li(q, y):
    return -y * mp.log(q) - (1 - y) * mp.log(1 - q)


def cost(v, n, w, b):
    return mp.fsum(Li(sigmoid(z(w, b, v.x[k])), v.y[k]) for k in range(n)) / n


def zi(v, i):
    return z(v.w, v.b, v.x[i - 1])


def yh(v, i):
    return sigmoid(zi(v, i))


def yi(v, i):
    return v.y[i - 1]


def dLi(label):
    return lambda v, n, i: dscalar(lambda q: Li(q, label), yh(v, i))


def gap(a, b):
    return max(abs(p - q) for p, q in zip(a, b))


I = ("i",)
ZERO = lambda v, n, **k: mp.mpf(0)  # noqa: E731

STEPS = [
    Step(3, 53, kind="definition"),
    Step(3, 83, kind="definition"),
    Step(5, 12, kind="definition"),
    Step(
        5,
        61,
        lhs=lambda v, n: dscalar(sigmoid, v.s),
        rhs=lambda v, n: sigmoid(v.s) * (1 - sigmoid(v.s)),
    ),
    Step(7, 47, kind="definition"),
    Step(9, 7, kind="definition"),
    # For $y_i = 1$:
    Step(
        13, 7, indices=I, lhs=lambda v, n, i: Li(yh(v, i), 1), rhs=lambda v, n, i: -mp.log(yh(v, i))
    ),
    Step(17, 27, indices=I, lhs=dLi(1), rhs=lambda v, n, i: -1 / yh(v, i)),
    # For $y_i = 0$:
    Step(
        21,
        7,
        indices=I,
        lhs=lambda v, n, i: Li(yh(v, i), 0),
        rhs=lambda v, n, i: -mp.log(1 - yh(v, i)),
    ),
    Step(21, 61, indices=I, lhs=dLi(0), rhs=lambda v, n, i: 1 / (1 - yh(v, i))),
    # Both labels together
    Step(
        25,
        27,
        indices=I,
        lhs=lambda v, n, i: dscalar(lambda q: Li(q, yi(v, i)), yh(v, i)),
        rhs=lambda v, n, i: -yi(v, i) / yh(v, i) + (1 - yi(v, i)) / (1 - yh(v, i)),
    ),
    Step(
        25,
        84,
        indices=I,
        lhs=lambda v, n, i: -yi(v, i) / yh(v, i) + (1 - yi(v, i)) / (1 - yh(v, i)),
        rhs=lambda v, n, i: (yh(v, i) - yi(v, i)) / (yh(v, i) * (1 - yh(v, i))),
    ),
    Step(
        27,
        41,
        indices=I,
        lhs=lambda v, n, i: dscalar(sigmoid, zi(v, i)),
        rhs=lambda v, n, i: yh(v, i) * (1 - yh(v, i)),
    ),
    Step(
        27,
        95,
        indices=I,
        lhs=lambda v, n, i: dscalar(lambda t: Li(sigmoid(t), yi(v, i)), zi(v, i)),
        rhs=lambda v, n, i: yh(v, i) - yi(v, i),
    ),
    Step(
        27,
        158,
        indices=I,
        lhs=lambda v, n, i: gap(
            [d(lambda w: z(w, v.b, v.x[i - 1]), v.w, c) for c in range(1, D + 1)], v.x[i - 1]
        ),
        rhs=ZERO,
        note="the vector ∂z_i/∂w against x_i",
    ),
    Step(
        27,
        202,
        indices=I,
        lhs=lambda v, n, i: dscalar(lambda b: z(v.w, b, v.x[i - 1]), v.b),
        rhs=lambda v, n, i: mp.mpf(1),
    ),
    Step(
        29,
        33,
        lhs=lambda v, n: gap(
            [d(lambda w: cost(v, n, w, v.b), v.w, c) for c in range(1, D + 1)],
            [
                mp.fsum((yh(v, k) - yi(v, k)) * v.x[k - 1][c] for k in range(1, n + 1)) / n
                for c in range(D)
            ],
        ),
        rhs=ZERO,
        note="the vector ∂L/∂w against (1/m) Σ_i (ŷ_i - y_i) x_i",
    ),
    Step(
        29,
        117,
        lhs=lambda v, n: dscalar(lambda b: cost(v, n, v.w, b), v.b),
        rhs=lambda v, n: mp.fsum(yh(v, k) - yi(v, k) for k in range(1, n + 1)) / n,
    ),
]
