import mpmath as mp
from truth import Point, Step, d, positives, reals, softmax

# p = softmax(x), L = -sum_j y_j log p_j; the derivative by p_j keeps the other p fixed.
# Sums written out with dots run over 1..n.


def sample(rng, n):
    return Point(x=reals(rng, n), y=positives(rng, n))


def p(v):
    return softmax(v.x)


def L_of_p(v, q):
    return -sum(v.y[k] * mp.log(q[k]) for k in range(len(q)))


def dL_dp(v, j):
    return d(lambda q: L_of_p(v, q), p(v), j)


def dp_dx(v, j, i):
    return d(lambda x: softmax(x)[j - 1], v.x, i)


STEPS = [
    Step(
        9,
        34,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda x: L_of_p(v, softmax(x)), v.x, i),
        rhs=lambda v, n, i: sum(dL_dp(v, j) * dp_dx(v, j, i) for j in range(1, n + 1)),
    ),
    Step(20, 34, indices=("j",), lhs=lambda v, n, j: dL_dp(v, j), rhs=lambda v, n, j: dL_dp(v, j)),
    Step(
        25,
        2,
        indices=("j",),
        lhs=lambda v, n, j: dL_dp(v, j),
        rhs=lambda v, n, j: -v.y[j - 1] / p(v)[j - 1],
    ),
    Step(
        37,
        10,
        indices=("j",),
        lhs=lambda v, n, j: dL_dp(v, j),
        rhs=lambda v, n, j: -v.y[0] / p(v)[0] - v.y[1] / p(v)[1] - v.y[j - 1] / p(v)[j - 1],
        note="planted: terms that do not depend on p_j kept",
    ),
]
