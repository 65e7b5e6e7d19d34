import mpmath as mp
from truth import Point, Step, dscalar, reals, sigmoid

# a logistic-regression note with a two-column data matrix written x_{i1}, x_{i2} (no comma);
# planted: the derivative by w_2 ends in x_{i1} (copied from the w_1 row; it is x_{i2})


def sample(rng, n):
    return Point(
        w=reals(rng, 2),
        b=mp.mpf(rng.uniform(-2, 2)),
        x=[reals(rng, 2) for _ in range(n)],
        y=[rng.choice([0, 1]) for _ in range(n)],
    )


def score(w, b, x, i):
    return w[0] * x[i - 1][0] + w[1] * x[i - 1][1] + b


def loss(v, i, w):
    z = score(w, v.b, v.x, i)
    return mp.log(1 + mp.exp(-z)) + (1 - v.y[i - 1]) * z


def by(k):
    def weights(t, w):
        w = list(w)
        w[k - 1] = t
        return w

    return weights


def dz(v, i, k):
    return dscalar(lambda t: score(by(k)(t, v.w), v.b, v.x, i), v.w[k - 1])


def dloss(v, i, k):
    return dscalar(lambda t: loss(v, i, by(k)(t, v.w)), v.w[k - 1])


def s(v, i):
    return sigmoid(score(v.w, v.b, v.x, i))


def x(v, i, k):
    return v.x[i - 1][k - 1]


I = ("i",)
STEPS = [
    Step(8, 5, kind="definition"),
    Step(15, 37, indices=I, lhs=lambda v, n, i: dz(v, i, 1), rhs=lambda v, n, i: x(v, i, 1)),
    Step(16, 2, indices=I, lhs=lambda v, n, i: x(v, i, 1), rhs=lambda v, n, i: x(v, i, 1)),
    Step(17, 37, indices=I, lhs=lambda v, n, i: dz(v, i, 2), rhs=lambda v, n, i: x(v, i, 2)),
    Step(18, 2, indices=I, lhs=lambda v, n, i: x(v, i, 2), rhs=lambda v, n, i: x(v, i, 2)),
    Step(
        26,
        67,
        indices=I,
        lhs=lambda v, n, i: dloss(v, i, 1),
        rhs=lambda v, n, i: (s(v, i) - 1 + 1 - v.y[i - 1]) * x(v, i, 1),
    ),
    Step(
        27,
        2,
        indices=I,
        lhs=lambda v, n, i: (s(v, i) - 1 + 1 - v.y[i - 1]) * x(v, i, 1),
        rhs=lambda v, n, i: (s(v, i) - v.y[i - 1]) * x(v, i, 1),
    ),
    Step(
        28,
        67,
        indices=I,
        lhs=lambda v, n, i: dloss(v, i, 2),
        rhs=lambda v, n, i: (s(v, i) - v.y[i - 1]) * x(v, i, 1),
        note="planted: the w_2 derivative ends in x_{i2}, not x_{i1}",
    ),
]
