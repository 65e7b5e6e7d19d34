import mpmath as mp
from truth import Point, Step, d, dscalar, reals, sigmoid, softmax

# a blog page whose lines carry MathJax \cssId marks, softmax a \mathop macro; the shift
# identity, then planted: the derivative of an entry by its own input with 1 + S_i; the sigmoid
# derivative with d/dt written with a slash


def sample(rng, n):
    return Point(x=reals(rng, n), alpha=mp.mpf(rng.uniform(-3, 3)), t=mp.mpf(rng.uniform(-4, 4)))


def shifted(v, i):
    return softmax([xi - v.alpha for xi in v.x])[i - 1]


def e(u):
    return mp.exp(u)


def sigma_t(v):
    return dscalar(lambda u: (1 + e(-u)) ** -1, v.t)


STEPS = [
    Step(7, 47, kind="definition"),
    Step(
        7,
        121,
        indices=("i",),
        lhs=lambda v, n, i: shifted(v, i),
        rhs=lambda v, n, i: e(v.x[i - 1] - v.alpha) / sum(e(xj - v.alpha) for xj in v.x),
    ),
    Step(
        7,
        176,
        indices=("i",),
        lhs=lambda v, n, i: e(v.x[i - 1] - v.alpha) / sum(e(xj - v.alpha) for xj in v.x),
        rhs=lambda v, n, i: e(-v.alpha) * e(v.x[i - 1]) / (e(-v.alpha) * sum(map(e, v.x))),
    ),
    Step(
        7,
        253,
        indices=("i",),
        lhs=lambda v, n, i: e(-v.alpha) * e(v.x[i - 1]) / (e(-v.alpha) * sum(map(e, v.x))),
        rhs=lambda v, n, i: softmax(v.x)[i - 1],
    ),
    Step(
        11,
        62,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda x: softmax(x)[i - 1], v.x, i),
        rhs=lambda v, n, i: softmax(v.x)[i - 1] * (1 + softmax(v.x)[i - 1]),
        note="planted: 1 + S_i for 1 - S_i",
    ),
    Step(13, 57, kind="definition"),
    Step(15, 9, lhs=lambda v, n: dscalar(sigmoid, v.t), rhs=lambda v, n: sigma_t(v)),
    Step(15, 35, lhs=lambda v, n: sigma_t(v), rhs=lambda v, n: e(-v.t) / (1 + e(-v.t)) ** 2),
    Step(
        15,
        65,
        lhs=lambda v, n: e(-v.t) / (1 + e(-v.t)) ** 2,
        rhs=lambda v, n: sigmoid(v.t) * (1 - sigmoid(v.t)),
    ),
]
