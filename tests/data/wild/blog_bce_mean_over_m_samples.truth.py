import mpmath as mp
from truth import Point, Step, d, reals, sigmoid

SIZES = (2, 3, 4)  # the number m of examples


def sample(rng, n):
    # "a label y_i in {0, 1}"
    return Point(z=reals(rng, n), y=[mp.mpf(rng.randrange(2)) for _ in range(n)])


def cost(v, n):
    def j(z):
        total = 0
        for zi, yi in zip(z, v.y):
            q = sigmoid(zi)
            total += yi * mp.log(q) + (1 - yi) * mp.log(1 - q)
        return -total / n

    return j


def p(v, i):
    return sigmoid(v.z[i - 1])


def grad(v, n, i):
    return d(cost(v, n), v.z, i)


def by_p_numeric(v, n, i):
    """dJ/dp_i by a difference, the probabilities as the variables."""

    def j(ps):
        return -sum(y * mp.log(q) + (1 - y) * mp.log(1 - q) for q, y in zip(ps, v.y)) / n

    return d(j, [sigmoid(z) for z in v.z], i)


def by_p(v, n, i):
    """dJ/dp_i with the probabilities as the variables."""
    q = p(v, i)
    y = v.y[i - 1]
    return -(y / q - (1 - y) / (1 - q)) / n


STEPS = [
    Step(7, 5, kind="definition"),
    Step(11, 35, indices=("i",), lhs=by_p_numeric, rhs=by_p),
    Step(
        15,
        35,
        indices=("i",),
        lhs=grad,
        rhs=lambda v, n, i: -(v.y[i - 1] * (1 - p(v, i)) - (1 - v.y[i - 1]) * p(v, i)) / n,
    ),
    Step(
        15,
        95,
        indices=("i",),
        lhs=lambda v, n, i: -(v.y[i - 1] * (1 - p(v, i)) - (1 - v.y[i - 1]) * p(v, i)) / n,
        rhs=lambda v, n, i: (p(v, i) - v.y[i - 1]) / n,
    ),
    Step(
        19,
        35,
        indices=("i",),
        lhs=grad,
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
        note="planted: the 1/m of the mean dropped",
    ),
]
