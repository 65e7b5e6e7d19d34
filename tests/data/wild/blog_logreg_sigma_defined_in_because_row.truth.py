import mpmath as mp
from truth import Point, Step, dscalar, reals, sigmoid

# a logistic-regression note (Traditional Chinese heading, align* with \because rows) that writes
# the sigmoid once as a reason row, sigma(z_i) = P_i = 1/(1 + e^{-z_i}), and then uses it by name;
# planted: d/dz ln(1 + e^{z}) = e^z/(1 + e^z) written as 1 - sigma(z_i) (it is sigma(z_i)), and
# d/dz (1) written 1 (it is 0)


def sample(rng, n):
    return Point(z=reals(rng, n), y=[rng.choice([0, 1]) for _ in range(n)])


def e(t):
    return mp.exp(t)


def s(v, i):
    return sigmoid(v.z[i - 1])


def z(v, i):
    return v.z[i - 1]


def loss(v, i):
    return lambda t: mp.log(1 + e(-t)) + (1 - v.y[i - 1]) * t


I = ("i",)
STEPS = [
    Step(9, 23, kind="definition"),
    Step(9, 29, kind="definition"),
    Step(
        10,
        35,
        indices=I,
        lhs=lambda v, n, i: dscalar(lambda t: mp.log(1 + e(-t)), z(v, i)),
        rhs=lambda v, n, i: 1 / (1 + e(-z(v, i))) * (-e(-z(v, i))),
    ),
    Step(
        11,
        2,
        indices=I,
        lhs=lambda v, n, i: 1 / (1 + e(-z(v, i))) * (-e(-z(v, i))),
        rhs=lambda v, n, i: -e(-z(v, i)) / (1 + e(-z(v, i))),
    ),
    Step(
        12,
        2,
        indices=I,
        lhs=lambda v, n, i: -e(-z(v, i)) / (1 + e(-z(v, i))),
        rhs=lambda v, n, i: -1 / (e(z(v, i)) + 1),
    ),
    Step(
        13,
        2,
        indices=I,
        lhs=lambda v, n, i: -1 / (e(z(v, i)) + 1),
        rhs=lambda v, n, i: s(v, i) - 1,
    ),
    Step(
        22,
        34,
        indices=I,
        lhs=lambda v, n, i: dscalar(lambda t: mp.log(1 + e(t)), z(v, i)),
        rhs=lambda v, n, i: e(z(v, i)) / (1 + e(z(v, i))),
    ),
    Step(
        23,
        2,
        indices=I,
        lhs=lambda v, n, i: e(z(v, i)) / (1 + e(z(v, i))),
        rhs=lambda v, n, i: 1 - s(v, i),
        note="planted: e^z/(1 + e^z) is sigma(z_i), not 1 - sigma(z_i)",
    ),
    Step(
        31,
        52,
        indices=I,
        lhs=lambda v, n, i: dscalar(loss(v, i), z(v, i)),
        rhs=lambda v, n, i: s(v, i) - 1 + (1 - v.y[i - 1]),
    ),
    Step(
        32,
        2,
        indices=I,
        lhs=lambda v, n, i: s(v, i) - 1 + (1 - v.y[i - 1]),
        rhs=lambda v, n, i: s(v, i) - v.y[i - 1],
    ),
    Step(
        33,
        29,
        indices=I,
        lhs=lambda v, n, i: dscalar(sigmoid, z(v, i)),
        rhs=lambda v, n, i: s(v, i) * (1 - s(v, i)),
    ),
    Step(
        41,
        32,
        indices=I,
        lhs=lambda v, n, i: dscalar(lambda t: 1 + e(-t), z(v, i)),
        rhs=lambda v, n, i: 0 + dscalar(lambda t: e(-t), z(v, i)),
    ),
    Step(
        42,
        2,
        indices=I,
        lhs=lambda v, n, i: 0 + dscalar(lambda t: e(-t), z(v, i)),
        rhs=lambda v, n, i: -e(-z(v, i)),
    ),
    Step(
        43,
        31,
        indices=I,
        lhs=lambda v, n, i: dscalar(lambda t: 1 - e(t), z(v, i)),
        rhs=lambda v, n, i: 0 - dscalar(e, z(v, i)),
    ),
    Step(
        44,
        2,
        indices=I,
        lhs=lambda v, n, i: 0 - dscalar(e, z(v, i)),
        rhs=lambda v, n, i: 1 - e(z(v, i)),
        note="planted: the derivative of the constant 1 written as 1",
    ),
]
