import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# \bigtriangledown_{o_i} is the partial derivative by o_i; y is one-hot (line 4).


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n))


p = lambda v, i: softmax(v.o)[i - 1]


def loss(v):
    return lambda o: -sum(yk * mp.log(pk) for yk, pk in zip(v.y, softmax(o), strict=True))


def collapsed(v, n, i):
    return sum(v.y[k - 1] * (p(v, i) - delta(i, k)) for k in range(1, n + 1))


STEPS = [
    Step(4, 6, kind="definition"),
    Step(5, 4, kind="definition"),
    Step(
        6,
        34,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda o: mp.log(softmax(o)[k - 1]), v.o, i),
        rhs=lambda v, n, i, k: delta(i, k) - p(v, i),
    ),
    Step(
        8,
        28,
        indices=("i",),
        lhs=lambda v, n, i: d(loss(v), v.o, i),
        rhs=lambda v, n, i: collapsed(v, n, i),
    ),
    Step(
        8,
        63,
        indices=("i",),
        lhs=lambda v, n, i: collapsed(v, n, i),
        rhs=lambda v, n, i: v.y[i - 1] - p(v, i),
        note="planted: the sign flipped when the sum collapses",
    ),
    Step(
        13,
        22,
        indices=("i",),
        lhs=lambda v, n, i: sum(v.y[k - 1] * p(v, i) for k in range(1, n + 1)),
        rhs=lambda v, n, i: p(v, i),
    ),
    Step(
        13,
        87,
        indices=("i",),
        lhs=lambda v, n, i: sum(v.y[k - 1] * delta(i, k) for k in range(1, n + 1)),
        rhs=lambda v, n, i: v.y[i - 1],
    ),
    Step(
        15,
        28,
        indices=("i",),
        lhs=lambda v, n, i: d(loss(v), v.o, i),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
    ),
]
