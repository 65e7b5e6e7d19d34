import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# Plain letters are vectors ("We keep vectors in plain letters today"): dL/dz = p - y is the
# vector identity, judged entry by entry (entry r). The label is one-hot.
# The worked example has K = 3, so the document is evaluated at N = 3.
SIZES = (3,)

EX = [mp.mpf(0), mp.log(2), mp.log(3)]
EY = [0, 0, 1]


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def L(y, z):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def p(z, i):
    return softmax(z)[i - 1]


EXAMPLE_GRAD = [mp.mpf(1) / 6, mp.mpf(1) / 3, -mp.mpf(1) / 2]

STEPS = [
    Step(6, 7, kind="definition"),
    Step(8, 61, kind="definition"),
    Step(
        14,
        33,
        indices=("r",),
        lhs=lambda v, n, r: d(lambda z: L(v.y, z), v.z, r),
        rhs=lambda v, n, r: p(v.z, r) - v.y[r - 1],
        note="vector identity in plain letters",
    ),
    Step(
        18,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: L(v.y, z), v.z, i),
        rhs=lambda v, n, i: p(v.z, i) - v.y[i - 1],
    ),
    # the worked example, z = (0, ln 2, ln 3)
    Step(28, 7, lhs=lambda v, n: p(EX, 1), rhs=lambda v, n: mp.mpf(1) / 6),
    Step(28, 33, lhs=lambda v, n: p(EX, 2), rhs=lambda v, n: mp.mpf(2) / 6),
    Step(28, 47, lhs=lambda v, n: mp.mpf(2) / 6, rhs=lambda v, n: mp.mpf(1) / 3),
    Step(28, 73, lhs=lambda v, n: p(EX, 3), rhs=lambda v, n: mp.mpf(3) / 6),
    Step(28, 87, lhs=lambda v, n: mp.mpf(3) / 6, rhs=lambda v, n: mp.mpf(1) / 2),
    Step(
        32,
        37,
        lhs=lambda v, n: d(lambda z: softmax(z)[0], EX, 2),
        rhs=lambda v, n: -p(EX, 1) * p(EX, 2),
    ),
    Step(
        32,
        48,
        lhs=lambda v, n: -p(EX, 1) * p(EX, 2),
        rhs=lambda v, n: -mp.mpf(1) / 12,
        note="planted: 1/6 * 1/3 = 1/18, not 1/12",
    ),
    Step(
        36,
        33,
        indices=("r",),
        lhs=lambda v, n, r: d(lambda z: L(EY, z), EX, r),
        rhs=lambda v, n, r: p(EX, r) - EY[r - 1],
    ),
    Step(
        36,
        41,
        indices=("r",),
        lhs=lambda v, n, r: p(EX, r) - EY[r - 1],
        rhs=lambda v, n, r: EXAMPLE_GRAD[r - 1],
    ),
]
