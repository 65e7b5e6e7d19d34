import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# lecture notes (Bishop's notation) with a macro \pd{…}{…} for partial derivatives and \exp
# redefined to take its argument in braces; the targets are one-hot, said with their values
# ("$t_k$ is 1 for the correct class and 0 for every other class"); planted: the derivative of
# the log-likelihood written with the sign of the error's


def sample(rng, n):
    return Point(a=reals(rng, n), t=one_hot(rng, n))


def y(a):
    return softmax(a)


def E(v, a):
    return -sum(tk * mp.log(yk) for tk, yk in zip(v.t, y(a)))


def dE(v, j):
    return d(lambda a: E(v, a), v.a, j)


def row27(v, n, j):
    return -sum(
        v.t[k - 1] / y(v.a)[k - 1] * y(v.a)[k - 1] * (delta(k, j) - y(v.a)[j - 1])
        for k in range(1, n + 1)
    )


def row28(v, n, j):
    return -v.t[j - 1] + y(v.a)[j - 1] * sum(v.t)


STEPS = [
    Step(11, 7, kind="definition"),
    Step(16, 5, kind="definition"),
    Step(
        23,
        17,
        indices=("k", "j"),
        lhs=lambda v, n, k, j: d(lambda a: y(a)[k - 1], v.a, j),
        rhs=lambda v, n, k, j: y(v.a)[k - 1] * (delta(k, j) - y(v.a)[j - 1]),
    ),
    Step(27, 16, indices=("j",), lhs=lambda v, n, j: dE(v, j), rhs=row27),
    Step(28, 4, indices=("j",), lhs=row27, rhs=row28),
    Step(
        29,
        4,
        indices=("j",),
        lhs=row28,
        rhs=lambda v, n, j: y(v.a)[j - 1] - v.t[j - 1],
        note="the targets are one-hot, so they sum to one",
    ),
    Step(
        37,
        39,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d(lambda a: y(a)[j - 1] - v.t[j - 1], v.a, i),
        rhs=lambda v, n, i, j: y(v.a)[j - 1] * (delta(i, j) - y(v.a)[i - 1]),
    ),
    Step(
        41,
        48,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda a: -E(v, a), v.a, i),
        rhs=lambda v, n, i: y(v.a)[i - 1] - v.t[i - 1],
        note="planted: the derivative of the log-likelihood is t_i - y_i",
    ),
]
