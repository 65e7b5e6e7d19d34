from truth import Point, Step, d, delta, logsumexp, reals, softmax

# x = (x_1, ..., x_n)^T is notation for the logits; y is the log-softmax of x.
# Planted mistake: the Kronecker delta replaced by 1 (right only on the diagonal).


def sample(rng, n):
    return Point(x=reals(rng, n))


def y(x):
    return [t - logsumexp(x) for t in x]


IK = ("i", "k")

STEPS = [
    Step(8, 8, kind="definition"),
    Step(
        12,
        38,
        indices=IK,
        lhs=lambda v, n, i, k: d(lambda x: y(x)[i - 1], v.x, k),
        rhs=lambda v, n, i, k: delta(i, k) - softmax(v.x)[k - 1],
    ),
    Step(
        16,
        38,
        indices=IK,
        lhs=lambda v, n, i, k: d(lambda x: y(x)[i - 1], v.x, k),
        rhs=lambda v, n, i, k: 1 - softmax(v.x)[k - 1],
    ),
]
