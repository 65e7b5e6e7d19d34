import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    # "stored as a one-hot encoding of the response"
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v):
    return softmax(v.z)


def written(v, n, i):
    """Entry i of the row as the first display writes it (the term k = i left out of the sum)."""
    q = p(v)
    rest = sum(v.y[k - 1] * q[i - 1] for k in range(1, n + 1) if k != i)
    return -v.y[i - 1] * (1 - q[i - 1]) + rest


def regrouped(v, n, i):
    q = p(v)
    return -v.y[i - 1] + q[i - 1] * sum(v.y)


def slipped(v, n, i):
    q = p(v)
    rest = sum(v.y[k - 1] * q[i - 1] for k in range(1, n + 1) if k != i)
    return v.y[i - 1] * (1 - q[i - 1]) + rest


def log_p(v, i):
    return lambda z: mp.log(softmax(z)[i - 1])


STEPS = [
    Step(10, 125, indices=("i",), lhs=written, rhs=regrouped),
    Step(
        12,
        3,
        indices=("i",),
        lhs=regrouped,
        rhs=lambda v, n, i: p(v)[i - 1] - v.y[i - 1],
    ),
    Step(
        16,
        123,
        indices=("i",),
        lhs=slipped,
        rhs=lambda v, n, i: p(v)[i - 1] - v.y[i - 1],
        note="planted: the sign of the first term",
    ),
    Step(
        22,
        42,
        indices=("i",),
        lhs=lambda v, n, i: d(log_p(v, i), v.z, i),
        rhs=lambda v, n, i: 1 - p(v)[i - 1],
    ),
    Step(
        22,
        61,
        indices=("i",),
        lhs=lambda v, n, i: 1 - p(v)[i - 1],
        rhs=lambda v, n, i: 1 - p(v)[i - 1],
    ),
    Step(
        26,
        42,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d(log_p(v, i), v.z, j),
        rhs=lambda v, n, i, j: 1 - p(v)[j - 1],
        note="planted: off the diagonal the entry is -p_j",
    ),
]
