import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    # y is the softmax OUTPUT here; stated: t is a probability distribution (soft labels allowed)
    return Point(x=reals(rng, n), t=distribution(rng, n))


def y(v, i):
    return softmax(v.x)[i - 1]


def E(v, x):
    return -sum(ti * mp.log(yi) for ti, yi in zip(v.t, softmax(x), strict=True))


def ii(n):
    return range(1, n + 1)


IJ = ("i", "j")
J = ("j",)

STEPS = [
    Step(7, 5, kind="definition"),
    Step(
        13,
        35,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda x: softmax(x)[i - 1], v.x, j),
        rhs=lambda v, n, i, j: d(lambda x: mp.exp(x[i - 1]) / sum(mp.exp(t) for t in x), v.x, j),
    ),
    Step(
        13,
        118,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda x: mp.exp(x[i - 1]) / sum(mp.exp(t) for t in x), v.x, j),
        rhs=lambda v, n, i, j: y(v, i) * delta(i, j) - y(v, i) * y(v, j),
    ),
    Step(20, 3, kind="definition"),
    Step(
        24,
        33,
        indices=J,
        lhs=lambda v, n, j: d(lambda x: E(v, x), v.x, j),
        rhs=lambda v, n, j: (
            -sum(v.t[i - 1] / y(v, i) * (y(v, i) * delta(i, j) - y(v, i) * y(v, j)) for i in ii(n))
        ),
    ),
    Step(
        24,
        108,
        indices=J,
        lhs=lambda v, n, j: (
            -sum(v.t[i - 1] / y(v, i) * (y(v, i) * delta(i, j) - y(v, i) * y(v, j)) for i in ii(n))
        ),
        rhs=lambda v, n, j: -v.t[j - 1] + y(v, j) * sum(v.t),
    ),
    Step(
        24,
        139,
        indices=J,
        lhs=lambda v, n, j: -v.t[j - 1] + y(v, j) * sum(v.t),
        rhs=lambda v, n, j: y(v, j) - v.t[j - 1],
        note="uses the stated: t is a probability distribution",
    ),
]
