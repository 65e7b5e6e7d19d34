import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# a blog post that defines p as the softmax, then, in the same section, says the probabilities
# "become" the tempered softmax and goes on with that p; the labels y are never said to sum to
# one (every step keeps Σ_i y_i); planted: the gradient's sign flipped in the last display


def sample(rng, n):
    return Point(z=reals(rng, n), y=reals(rng, n), T=mp.mpf(rng.uniform(0.5, 5)))


def p(v, z=None):
    return softmax([x / v.T for x in (v.z if z is None else z)])


def dL(v, j):
    return d(lambda z: -sum(yi * mp.log(pi) for yi, pi in zip(v.y, p(v, z))), v.z, j)


def gradient(v, n, j):
    return (p(v)[j - 1] * sum(v.y) - v.y[j - 1]) / v.T


IJ = ("i", "j")

STEPS = [
    Step(9, 7, kind="definition"),
    Step(
        13,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: softmax(z)[i - 1], v.z, j),
        rhs=lambda v, n, i, j: softmax(v.z)[i - 1] * (delta(i, j) - softmax(v.z)[j - 1]),
    ),
    Step(17, 7, kind="definition"),
    Step(
        21,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: p(v, z)[i - 1], v.z, j),
        rhs=lambda v, n, i, j: p(v)[i - 1] * (delta(i, j) - p(v)[j - 1]) / v.T,
    ),
    Step(27, 5, kind="definition"),
    Step(31, 35, indices=("j",), lhs=lambda v, n, j: dL(v, j), rhs=gradient),
    Step(
        35,
        35,
        indices=("j",),
        lhs=lambda v, n, j: dL(v, j),
        rhs=lambda v, n, j: -gradient(v, n, j),
        note="planted: the sign flipped",
    ),
]
