import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# Line 3 defines the plain softmax; line 8 redefines S with a temperature "in the rest of this
# post" (T > 0): the display at line 11 is about the tempered softmax.


def sample(rng, n):
    return Point(a=reals(rng, n), T=mp.mpf(rng.uniform(0.3, 4)))


plain = lambda v, i: softmax(v.a)[i - 1]
temp = lambda v, i: softmax([t / v.T for t in v.a])[i - 1]
IJ = ("i", "j")

STEPS = [
    Step(3, 27, kind="definition"),
    Step(
        5,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: softmax(a)[i - 1], v.a, j),
        rhs=lambda v, n, i, j: plain(v, i) * (delta(i, j) - plain(v, j)),
    ),
    Step(
        11,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: softmax([t / v.T for t in a])[i - 1], v.a, j),
        rhs=lambda v, n, i, j: temp(v, i) * (delta(i, j) - temp(v, j)) / v.T,
    ),
]
