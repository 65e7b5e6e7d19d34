from truth import Point, Step, d, delta, one_hot, reals, softmax

# "\text{on the diagonal}" / "\text{off the diagonal}" tag the case each formula is for.
# "The target is the indicator of the true class": y is one-hot.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, i):
    return softmax(v.z)[i - 1]


def dp(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def L(v, z):
    import mpmath as mp

    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


IJ = ("i", "j")
ks = lambda n: range(1, n + 1)
y = lambda v, k: v.y[k - 1]

STEPS = [
    Step(8, 7, kind="definition"),
    Step(
        15,
        37,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) - p(v, i) ** 2,
    ),
    Step(
        17,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: -p(v, i) * p(v, j),
    ),
    Step(
        21,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) - p(v, j)),
    ),
    Step(
        26,
        52,
        indices=("j",),
        lhs=lambda v, n, j: sum(dp(v, i, j) for i in ks(n)),
        rhs=lambda v, n, j: p(v, j) - p(v, j) * sum(p(v, i) for i in ks(n)),
    ),
    Step(
        26,
        83,
        indices=("j",),
        lhs=lambda v, n, j: p(v, j) - p(v, j) * sum(p(v, i) for i in ks(n)),
        rhs=lambda v, n, j: 0,
    ),
    Step(33, 5, kind="definition"),
    Step(
        37,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: L(v, z), v.z, j),
        rhs=lambda v, n, j: -sum(y(v, k) / p(v, k) * dp(v, k, j) for k in ks(n)),
    ),
    Step(
        37,
        103,
        indices=("j",),
        lhs=lambda v, n, j: -sum(y(v, k) / p(v, k) * dp(v, k, j) for k in ks(n)),
        rhs=lambda v, n, j: -sum(y(v, k) * (delta(k, j) - p(v, j)) for k in ks(n)),
    ),
    Step(
        37,
        145,
        indices=("j",),
        lhs=lambda v, n, j: -sum(y(v, k) * (delta(k, j) - p(v, j)) for k in ks(n)),
        rhs=lambda v, n, j: -y(v, j) + p(v, j) * sum(y(v, k) for k in ks(n)),
    ),
    Step(
        37,
        177,
        indices=("j",),
        lhs=lambda v, n, j: -y(v, j) + p(v, j) * sum(y(v, k) for k in ks(n)),
        rhs=lambda v, n, j: p(v, j) - y(v, j),
    ),
]
