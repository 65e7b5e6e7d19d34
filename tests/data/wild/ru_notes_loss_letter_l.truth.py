from truth import Point, Step, d, one_hot, reals, softmax

# l is the loss (an index letter used as a name); p = softmax(z) ("a Softmax layer before the
# cross-entropy", never written out); y one-hot (said in the sentence before the last display).
# The last step plants a sign error (p_i + y_i).


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def loss_of_p(probabilities, y):
    from mpmath import log

    return -sum(t * log(q) for t, q in zip(y, probabilities, strict=True))


def dl_dp(v, i):
    return d(lambda q: loss_of_p(q, v.y), softmax(v.z), i)


def dl_dz(v, i):
    return d(lambda z: loss_of_p(softmax(z), v.y), v.z, i)


def dp_dz(v, j, i):
    return d(lambda z: softmax(z)[j - 1], v.z, i)


STEPS = [
    Step(5, 4, kind="definition"),
    Step(
        8,
        34,
        indices=("i",),
        lhs=lambda v, n, i: dl_dp(v, i),
        rhs=lambda v, n, i: -v.y[i - 1] / p(v, i),
    ),
    Step(
        10,
        34,
        indices=("i",),
        lhs=lambda v, n, i: dl_dz(v, i),
        rhs=lambda v, n, i: sum(dl_dp(v, j) * dp_dz(v, j, i) for j in range(1, n + 1)),
    ),
    Step(
        10,
        113,
        indices=("i",),
        lhs=lambda v, n, i: sum(dl_dp(v, j) * dp_dz(v, j, i) for j in range(1, n + 1)),
        rhs=lambda v, n, i: (
            p(v, i) * dl_dp(v, i) - sum(p(v, i) * p(v, j) * dl_dp(v, j) for j in range(1, n + 1))
        ),
    ),
    Step(
        11,
        3,
        indices=("i",),
        lhs=lambda v, n, i: (
            p(v, i) * dl_dp(v, i) - sum(p(v, i) * p(v, j) * dl_dp(v, j) for j in range(1, n + 1))
        ),
        rhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
    ),
    Step(
        13,
        34,
        indices=("i",),
        lhs=lambda v, n, i: dl_dz(v, i),
        rhs=lambda v, n, i: p(v, i) + v.y[i - 1],
        note="planted: the sign of y_i",
    ),
]
