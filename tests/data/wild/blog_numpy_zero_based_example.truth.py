import mpmath as mp
from truth import Point, Step, d, reals, softmax

# The author counts classes from 0 (the code's labels 0, 1, 2, "the same labels in the maths"),
# so s_1 is the second entry: every step is a statement about z = (0, log 2, log 5) read that way.
SIZES = (3,)
Z = [mp.mpf(0), mp.log(2), mp.log(5)]


def sample(rng, n):
    return Point(z=reals(rng, n))


def s(i):  # zero-based
    return softmax(Z)[i]


def ds(i, j):
    return d(lambda z: softmax(z)[i], Z, j + 1)


def const(x):
    return lambda v, n: x


def chain(line, cols, values):
    return [
        Step(line, col, lhs=const(values[k]), rhs=const(values[k + 1]))
        for k, col in enumerate(cols)
    ]


STEPS = [
    Step(6, 7, kind="definition"),
    *chain(10, (7, 21), (s(1), mp.mpf(2) / 8, mp.mpf(1) / 4)),
    *chain(12, (7,), (s(2), mp.mpf(5) / 8)),
    *chain(16, (37, 48), (ds(1, 2), -s(1) * s(2), -mp.mpf(5) / 32)),
    # the planted slip: 5/8 · 3/8 is 15/64, not 15/32
    *chain(20, (37, 52), (ds(2, 2), s(2) * (1 - s(2)), mp.mpf(15) / 32)),
    *chain(24, (11,), (1 - s(1), mp.mpf(3) / 4)),
]
