import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a worked solution in list items: "$g(x) = … \implies g'(x) = …$" defines g and claims its
# derivative; Part B reuses the letter g for another function (its own section). Planted:
# h'(x) written e^x + e^{-x} (it is e^x - e^{-x}).

SIZES = (1,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-2, 2)))


def e(t):
    return mp.exp(t)


def tanh(t):
    return (e(t) - e(-t)) / (e(t) + e(-t))


STEPS = [
    Step(5, 21, kind="definition"),
    Step(7, 25, kind="definition"),
    Step(8, 25, kind="definition"),
    Step(8, 53, lhs=lambda v, n: dscalar(lambda t: 1 + e(-t), v.x), rhs=lambda v, n: -e(-v.x)),
    Step(
        10,
        22,
        lhs=lambda v, n: dscalar(sigmoid, v.x),
        rhs=lambda v, n: -1 / (1 + e(-v.x)) ** 2 * (-e(-v.x)),
    ),
    Step(
        10,
        66,
        lhs=lambda v, n: -1 / (1 + e(-v.x)) ** 2 * (-e(-v.x)),
        rhs=lambda v, n: e(-v.x) / (1 + e(-v.x)) ** 2,
    ),
    Step(16, 12, lhs=lambda v, n: mp.tanh(v.x), rhs=lambda v, n: tanh(v.x)),
    Step(18, 9, kind="definition"),
    Step(
        18,
        39,
        lhs=lambda v, n: dscalar(lambda t: e(t) - e(-t), v.x),
        rhs=lambda v, n: e(v.x) + e(-v.x),
    ),
    Step(19, 9, kind="definition"),
    Step(
        19,
        39,
        lhs=lambda v, n: dscalar(lambda t: e(t) + e(-t), v.x),
        rhs=lambda v, n: e(v.x) + e(-v.x),
        note="planted: the derivative of e^x + e^{-x} is e^x - e^{-x}",
    ),
    Step(
        21,
        24,
        lhs=lambda v, n: dscalar(mp.tanh, v.x),
        rhs=lambda v, n: (
            ((e(v.x) + e(-v.x)) ** 2 - (e(v.x) - e(-v.x)) ** 2) / (e(v.x) + e(-v.x)) ** 2
        ),
    ),
    Step(
        21,
        87,
        lhs=lambda v, n: (
            ((e(v.x) + e(-v.x)) ** 2 - (e(v.x) - e(-v.x)) ** 2) / (e(v.x) + e(-v.x)) ** 2
        ),
        rhs=lambda v, n: 1 - mp.tanh(v.x) ** 2,
    ),
]
