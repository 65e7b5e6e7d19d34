import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# z = Wx + b before the softmax; the steps differentiate by z, so z is sampled directly (every
# z is some layer's output); y "the true class" of the sample: one-hot. Planted: the minus sign
# of the off-diagonal entry lost at the end of its chain.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def S(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


def a(v, k):
    return softmax(v.z)[k - 1]


def da(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def dC(v, i):
    return d(lambda z: -sum(t * mp.log(q) for t, q in zip(v.y, softmax(z))), v.z, i)


STEPS = [
    Step(8, 5, kind="definition"),
    Step(14, 5, kind="definition"),
    Step(20, 3, kind="definition"),
    Step(30, 37, indices=("i",), lhs=lambda v, n, i: da(v, i, i), rhs=lambda v, n, i: da(v, i, i)),
    Step(
        31,
        5,
        indices=("i",),
        lhs=lambda v, n, i: da(v, i, i),
        rhs=lambda v, n, i: (e(v, i) * S(v) - e(v, i) * e(v, i)) / S(v) ** 2,
    ),
    Step(
        32,
        5,
        indices=("i",),
        lhs=lambda v, n, i: (e(v, i) * S(v) - e(v, i) * e(v, i)) / S(v) ** 2,
        rhs=lambda v, n, i: a(v, i) * (1 - a(v, i)),
    ),
    Step(
        38,
        37,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: da(v, j, i),
        rhs=lambda v, n, i, j: (0 * S(v) - e(v, j) * e(v, i)) / S(v) ** 2,
    ),
    Step(
        39,
        5,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: (0 * S(v) - e(v, j) * e(v, i)) / S(v) ** 2,
        rhs=lambda v, n, i, j: a(v, j) * a(v, i),
        note="planted: the minus sign lost",
    ),
    Step(
        47,
        35,
        indices=("i",),
        lhs=lambda v, n, i: dC(v, i),
        rhs=lambda v, n, i: (
            -v.y[i - 1] * (1 - a(v, i))
            + sum(v.y[j - 1] * a(v, i) for j in range(1, n + 1) if j != i)
        ),
    ),
    Step(
        48,
        5,
        indices=("i",),
        lhs=lambda v, n, i: (
            -v.y[i - 1] * (1 - a(v, i))
            + sum(v.y[j - 1] * a(v, i) for j in range(1, n + 1) if j != i)
        ),
        rhs=lambda v, n, i: -v.y[i - 1] + a(v, i) * sum(v.y),
    ),
    Step(
        49,
        5,
        indices=("i",),
        lhs=lambda v, n, i: -v.y[i - 1] + a(v, i) * sum(v.y),
        rhs=lambda v, n, i: a(v, i) - v.y[i - 1],
        note="the true class: one-hot y, so the labels sum to one",
    ),
]
