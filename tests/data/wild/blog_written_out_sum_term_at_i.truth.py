import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# y is one-hot (stated). The term at j = i, written between the dots, is p_i y_i - y_i.


def sample(rng, n):
    return Point(x=reals(rng, n), y=one_hot(rng, n))


def L(v, x):
    return -sum(v.y[j] * mp.log(softmax(x)[j]) for j in range(len(x)))


def p(v, k):
    return softmax(v.x)[k - 1]


def run(v, n, i):  # the written-out sum, its term at i as the text writes it
    return sum(p(v, i) * v.y[k - 1] for k in range(1, n + 1) if k != i) + (
        p(v, i) * v.y[i - 1] - v.y[i - 1]
    )


def moved(v, n, i):
    return sum(p(v, i) * v.y[k - 1] for k in range(1, n + 1)) - v.y[i - 1]


I = ("i",)
STEPS = [
    Step(6, 7, kind="definition"),
    Step(8, 20, kind="definition"),
    Step(
        19,
        34,
        indices=I,
        lhs=lambda v, n, i: d(lambda x: L(v, x), v.x, i),
        rhs=lambda v, n, i: run(v, n, i),
    ),
    Step(20, 2, indices=I, lhs=lambda v, n, i: run(v, n, i), rhs=lambda v, n, i: moved(v, n, i)),
    Step(
        21,
        2,
        indices=I,
        lhs=lambda v, n, i: moved(v, n, i),
        rhs=lambda v, n, i: p(v, i) * sum(v.y) - v.y[i - 1],
    ),
    Step(
        22,
        2,
        indices=I,
        lhs=lambda v, n, i: p(v, i) * sum(v.y) - v.y[i - 1],
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
    ),
]
