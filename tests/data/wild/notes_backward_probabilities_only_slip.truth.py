import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, i):
    return softmax(v.z)[i - 1]


def dl_dp(v, j):
    return -v.y[j - 1] / p(v, j)


def probs(v, n):
    return [p(v, k) for k in range(1, n + 1)]


def loss_of_p(v):
    return lambda q: -sum(t * mp.log(x) for t, x in zip(v.y, q, strict=True))


def dl_dz(v, i):
    return d(lambda z: -sum(t * mp.log(q) for t, q in zip(v.y, softmax(z), strict=True)), v.z, i)


def chain(v, n, i):
    return sum(dl_dp(v, j) * p(v, j) * (delta(i, j) - p(v, i)) for j in range(1, n + 1))


def split(v, n, i):
    return p(v, i) * dl_dp(v, i) - sum(p(v, i) * p(v, j) * dl_dp(v, j) for j in range(1, n + 1))


def slipped(v, n, i):
    return -v.y[i - 1] + sum(p(v, i) * p(v, j) * v.y[i - 1] / p(v, j) for j in range(1, n + 1))


I = ("i",)
J = ("j",)

STEPS = [
    Step(5, 5, kind="definition"),
    Step(
        7,
        35,
        indices=J,
        lhs=lambda v, n, j: d(loss_of_p(v), probs(v, n), j),
        rhs=lambda v, n, j: dl_dp(v, j),
    ),
    Step(11, 35, indices=I, lhs=lambda v, n, i: dl_dz(v, i), rhs=chain),
    Step(11, 118, indices=I, lhs=chain, rhs=split),
    Step(
        13,
        3,
        indices=I,
        lhs=split,
        rhs=slipped,
        note="planted: y_i written inside the sum over j where y_j belongs",
    ),
    Step(
        13,
        51,
        indices=I,
        lhs=slipped,
        rhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
        note="adjacent to the slipped side",
    ),
]
