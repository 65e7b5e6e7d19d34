import mpmath as mp
from truth import Point, Step, d, positives, reals, softmax

# C = -sum_j y_j ln a_j as a function of the outputs a (the derivative by a_j keeps the
# other outputs fixed); the minus sign written inside the numerator, (\partial -X) and -\partial X


def sample(rng, n):
    return Point(z=reals(rng, n), y=positives(rng, n))


def a(v):
    return softmax(v.z)


def dC(v, n, j):
    return d(lambda q: -sum(v.y[k] * mp.log(q[k]) for k in range(n)), a(v), j)


J = ("j",)

STEPS = [
    Step(9, 35, indices=J, lhs=dC, rhs=dC),
    Step(9, 89, indices=J, lhs=dC, rhs=lambda v, n, j: -v.y[j - 1] / a(v)[j - 1]),
    Step(13, 53, indices=J, lhs=dC, rhs=lambda v, n, j: -v.y[j - 1] / a(v)[j - 1]),
    Step(
        19,
        55,
        indices=J,
        lhs=dC,
        rhs=lambda v, n, j: -sum(v.y[k] / a(v)[k] for k in range(n)),
        note="planted: the sum kept, though only the term k = j depends on a_j",
    ),
]
