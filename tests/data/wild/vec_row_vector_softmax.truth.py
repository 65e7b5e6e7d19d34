import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# The document uses row vectors: s^T s is the outer product and y log s^T a dot product.


def sample(rng, n):
    # "The label y is a one-hot row"
    return Point(x=reals(rng, n), y=one_hot(rng, n))


def s(v):
    return softmax(v.x)


def H(v, x):
    return -sum(yk * mp.log(sk) for yk, sk in zip(v.y, softmax(x), strict=True))


IJ = ("i", "j")

STEPS = [
    Step(
        7,
        7,
        indices=("i",),
        lhs=lambda v, n, i: s(v)[i - 1],
        rhs=lambda v, n, i: mp.exp(v.x[i - 1]) / sum(mp.exp(t) for t in v.x),
    ),
    Step(
        15,
        36,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda x: softmax(x)[i - 1], v.x, j),
        rhs=lambda v, n, i, j: delta(i, j) * s(v)[i - 1] - s(v)[i - 1] * s(v)[j - 1],
    ),
    Step(24, 5, kind="definition"),
    Step(
        24,
        34,
        lhs=lambda v, n: H(v, v.x),
        rhs=lambda v, n: -sum(yk * mp.log(sk) for yk, sk in zip(v.y, s(v), strict=True)),
    ),
    Step(
        28,
        24,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda x: H(v, x), v.x, i),
        rhs=lambda v, n, i: s(v)[i - 1] - v.y[i - 1],
    ),
]
