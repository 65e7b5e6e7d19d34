import mpmath as mp
from truth import Point, Step, d, delta, reals, sigmoid, softmax

# 6.1: p is the softmax of the scores a (said in words). 6.2: p_i = sigmoid(a_i) (a new
# definition under a new heading).


def sample(rng, n):
    return Point(a=reals(rng, n))


def soft(a, i):
    return softmax(a)[i - 1]


def sig(a, i):
    return sigmoid(a[i - 1])


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(
        8,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: soft(a, i), v.a, j),
        rhs=lambda v, n, i, j: soft(v.a, i) * (delta(i, j) - soft(v.a, j)),
    ),
    Step(
        12,
        46,
        indices=I,
        lhs=lambda v, n, i: sum(d(lambda a: soft(a, i), v.a, j) for j in range(1, n + 1)),
        rhs=lambda v, n, i: soft(v.a, i) - soft(v.a, i) * sum(softmax(v.a)),
    ),
    Step(
        12,
        69,
        indices=I,
        lhs=lambda v, n, i: soft(v.a, i) - soft(v.a, i) * sum(softmax(v.a)),
        rhs=lambda v, n, i: mp.mpf(0),
    ),
    Step(18, 7, kind="definition"),
    Step(
        22,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: sig(a, i), v.a, j),
        rhs=lambda v, n, i, j: delta(i, j) * sig(v.a, i) * (1 - sig(v.a, i)),
    ),
    Step(
        26,
        44,
        indices=I,
        lhs=lambda v, n, i: sum(d(lambda a: sig(a, i), v.a, j) for j in range(1, n + 1)),
        rhs=lambda v, n, i: sig(v.a, i) * (1 + sig(v.a, i)),
        note="planted: 1 - p_i is right",
    ),
]
