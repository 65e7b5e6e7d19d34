from truth import Point, Step, d, one_hot, reals, softmax

# One sample n of a batch: y_{n,k} the softmax of a_{n,·}, t_{n,·} one-hot (said in Japanese).
# Only row n matters, so a point is one row. The last step plants a sign error.


def sample(rng, n):
    return Point(a=reals(rng, n), t=one_hot(rng, n))


def y(v, k):
    return softmax(v.a)[k - 1]


def dE(v, j):
    from mpmath import log

    return d(lambda a: -sum(t * log(q) for t, q in zip(v.t, softmax(a), strict=True)), v.a, j)


STEPS = [
    Step(6, 9, kind="definition"),
    Step(12, 5, kind="definition"),
    Step(
        18,
        39,
        indices=("j",),
        lhs=lambda v, n, j: dE(v, j),
        rhs=lambda v, n, j: sum(v.t) * y(v, j) - v.t[j - 1],
    ),
    Step(
        22,
        1,
        indices=("j",),
        lhs=lambda v, n, j: sum(v.t) * y(v, j) - v.t[j - 1],
        rhs=lambda v, n, j: y(v, j) - v.t[j - 1],
    ),
    Step(
        26,
        1,
        indices=("j",),
        lhs=lambda v, n, j: y(v, j) - v.t[j - 1],
        rhs=lambda v, n, j: y(v, j) + v.t[j - 1],
        note="planted: the sign of t_{n,j}",
    ),
]
