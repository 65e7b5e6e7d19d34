import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A Hugo post: \\( … \\) and \\[ … \\] are its math. x is one real number.


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def s(t):
    return sigmoid(t)


def ds(t):
    return dscalar(sigmoid, t)


STEPS = [
    Step(9, 40, kind="definition"),
    Step(13, 12, lhs=lambda v, n: ds(v.x), rhs=lambda v, n: mp.exp(-v.x) / (1 + mp.exp(-v.x)) ** 2),
    Step(
        13,
        44,
        lhs=lambda v, n: mp.exp(-v.x) / (1 + mp.exp(-v.x)) ** 2,
        rhs=lambda v, n: s(v.x) * (1 - s(v.x)),
    ),
    Step(16, 27, lhs=lambda v, n: 1 - s(v.x), rhs=lambda v, n: s(-v.x)),
    Step(19, 12, lhs=lambda v, n: ds(v.x), rhs=lambda v, n: s(v.x) * s(-v.x)),
    Step(
        25,
        10,
        lhs=lambda v, n: mp.tanh(v.x),
        rhs=lambda v, n: (mp.exp(v.x) - mp.exp(-v.x)) / (mp.exp(v.x) + mp.exp(-v.x)),
    ),
    Step(
        25,
        50,
        lhs=lambda v, n: (mp.exp(v.x) - mp.exp(-v.x)) / (mp.exp(v.x) + mp.exp(-v.x)),
        rhs=lambda v, n: 2 * s(2 * v.x) - 1,
    ),
    Step(
        31,
        10,
        lhs=lambda v, n: mp.tanh(v.x),
        rhs=lambda v, n: 2 * s(v.x) - 1,
        note="planted: the argument of sigma is 2x",
    ),
    Step(34, 20, kind="definition", note="a point to try, not a definition of x"),
    Step(37, 11, lhs=lambda v, n: dscalar(mp.tanh, v.x), rhs=lambda v, n: 4 * ds(2 * v.x)),
    Step(37, 26, lhs=lambda v, n: 4 * ds(2 * v.x), rhs=lambda v, n: 1 - mp.tanh(v.x) ** 2),
    Step(
        44,
        28,
        lhs=lambda v, n: dscalar(lambda t: mp.log(s(t)), v.x),
        rhs=lambda v, n: ds(v.x) / s(v.x),
    ),
    Step(
        45,
        2,
        lhs=lambda v, n: ds(v.x) / s(v.x),
        rhs=lambda v, n: 1 + s(v.x),
        note="planted: 1 - sigma(x)",
    ),
]
