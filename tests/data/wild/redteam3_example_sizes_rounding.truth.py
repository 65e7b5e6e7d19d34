import mpmath as mp
from truth import Point, Step, d, reals, softmax

# Section 1 speaks of "only two classes" (the vector z = (1, 2, 3) before it is an aside): its
# steps are about any z with two entries. Section 2 fixes z = (1, 2, 3); 0.665 is the value
# rounded (the author means ≈), and the last step drops the square of the denominator.
SIZES = (3,)
Z = [mp.mpf(1), mp.mpf(2), mp.mpf(3)]
E = mp.e + mp.e**2 + mp.e**3


def sample(rng, n):
    return Point(w=reals(rng, 2))


def s(i):
    return softmax(Z)[i - 1]


def ds(i, j):
    return d(lambda z: softmax(z)[i - 1], Z, j)


def two(v, i):
    return softmax(v.w)[i - 1]


def const(x):
    return lambda v, n: x


STEPS = [
    Step(
        7,
        37,
        lhs=lambda v, n: d(lambda w: softmax(w)[0], v.w, 1),
        rhs=lambda v, n: two(v, 1) * (1 - two(v, 1)),
    ),
    Step(
        7,
        53,
        lhs=lambda v, n: two(v, 1) * (1 - two(v, 1)),
        rhs=lambda v, n: two(v, 1) * two(v, 2),
    ),
    Step(13, 7, lhs=const(s(3)), rhs=const(mp.e**3 / E)),
    Step(13, 35, lhs=const(mp.e**3 / E), rhs=const(mp.e**3 / E), note="0.665 is written for ≈"),
    Step(15, 37, lhs=const(ds(1, 3)), rhs=const(-s(1) * s(3))),
    Step(15, 48, lhs=const(-s(1) * s(3)), rhs=const(-(mp.e**4) / E**2)),
    Step(17, 37, lhs=const(ds(2, 2)), rhs=const(s(2) * (1 - s(2)))),
    Step(17, 53, lhs=const(s(2) * (1 - s(2))), rhs=const(mp.e**2 * (mp.e + mp.e**3) / E**2)),
    Step(19, 37, lhs=const(ds(1, 2)), rhs=const(-s(1) * s(2))),
    Step(19, 48, lhs=const(-s(1) * s(2)), rhs=const(-(mp.e**3) / E), note="the square is dropped"),
]
