import mpmath as mp
from truth import Point, Step, d, logsumexp, reals, softmax

# Stan-style reference: \mbox{softmax}(y)[k] is the k-th entry of the softmax of y.


def sample(rng, n):
    return Point(y=reals(rng, n))


def s(v, k):
    return softmax(v.y)[k - 1]


MK = ("m", "k")

STEPS = [
    Step(
        5,
        25,
        indices=("k",),
        lhs=lambda v, n, k: s(v, k),
        rhs=lambda v, n, k: mp.exp(v.y[k - 1]) / sum(mp.exp(t) for t in v.y),
    ),
    Step(
        8,
        55,
        indices=MK,
        lhs=lambda v, n, m, k: d(lambda y: softmax(y)[k - 1], v.y, m),
        rhs=lambda v, n, m, k: s(v, k) * (1 - s(v, m)) if m == k else -s(v, k) * s(v, m),
        note="the cases display, both branches (one position)",
    ),
    Step(
        12,
        83,
        indices=MK,
        lhs=lambda v, n, m, k: d(lambda y: y[k - 1] - logsumexp(y), v.y, m),
        rhs=lambda v, n, m, k: 1 - s(v, m) if m == k else s(v, m),
        note="off the diagonal the sign is dropped: it is -softmax(y)[m]",
    ),
]
