import mpmath as mp
from truth import Point, Step, d, reals, softmax

# The example section fixes K = 3 and z = (0, log 2, log 5): every step there is a statement
# about those numbers (the denominator is 1 + 2 + 5 = 8).
SIZES = (3,)
Z = [mp.mpf(0), mp.log(2), mp.log(5)]
Y = [0, 0, 1]


def sample(rng, n):
    return Point(z=reals(rng, n))


def s(i):
    return softmax(Z)[i - 1]


def ds(i, j):
    return d(lambda z: softmax(z)[i - 1], Z, j)


def dL(j):  # L = -sum_k y_k log s_k at the example's one-hot y
    return d(lambda z: -sum(y * mp.log(p) for y, p in zip(Y, softmax(z))), Z, j)


def const(x):
    return lambda v, n: x


def chain(line, cols, values, note=""):
    return [
        Step(line, col, lhs=const(values[k]), rhs=const(values[k + 1]), note=note)
        for k, col in enumerate(cols)
    ]


e0, e2, e5 = mp.exp(0), mp.exp(mp.log(2)), mp.exp(mp.log(5))
STEPS = [
    Step(5, 7, kind="definition"),
    # s_1 = e^0/(e^0 + e^{log 2} + e^{log 5}) = 1/8, s_2 = 2/8 = 1/4, s_3 = 5/8
    *chain(13, (7, 51), (s(1), e0 / (e0 + e2 + e5), mp.mpf(1) / 8)),
    *chain(13, (76, 90), (s(2), mp.mpf(2) / 8, mp.mpf(1) / 4)),
    *chain(13, (115,), (s(3), mp.mpf(5) / 8)),
    *chain(17, (37, 52, 84), (ds(3, 3), s(3) * (1 - s(3)), mp.mpf(5) / 8 * 3 / 8, mp.mpf(15) / 64)),
    *chain(21, (37, 48, 81), (ds(1, 2), -s(1) * s(2), -mp.mpf(1) / 8 / 4, -mp.mpf(1) / 32)),
    # the planted slip: 1/8 · 5/8 is 5/64, not 5/32
    *chain(25, (37, 48, 81), (ds(1, 3), -s(1) * s(3), -mp.mpf(5) / 64, -mp.mpf(5) / 32)),
    *chain(29, (109,), (ds(1, 1) + ds(1, 2) + ds(1, 3), mp.mpf(0))),
    # the second slip: s_3 - 1 = 5/8 - 1 = -3/8, not -5/8
    *chain(33, (35, 45), (dL(3), s(3) - 1, -mp.mpf(5) / 8)),
    *chain(37, (35, 41), (dL(1), s(1), mp.mpf(1) / 8)),
]
