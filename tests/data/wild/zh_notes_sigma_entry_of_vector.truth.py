from mpmath import exp
from truth import Point, Step, d, delta, reals, softmax

# a Chinese note that writes the softmax entry with its vector, sigma_i(z) = e^{z_i} / sum_k e^{z_k};
# planted: the i != j case writes -sigma_i sigma_i (the second factor is sigma_j)


def sample(rng, n):
    return Point(z=reals(rng, n))


def s(v, k):
    return softmax(v.z)[k - 1]


def jac(v, n, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def quotient(v, n, i, j):

    z = sum(exp(t) for t in v.z)
    return (delta(i, j) * exp(v.z[i - 1]) * z - exp(v.z[j - 1]) * exp(v.z[i - 1])) / z**2


IJ = ("i", "j")
STEPS = [
    Step(6, 13, kind="definition"),
    Step(12, 45, indices=IJ, lhs=jac, rhs=jac),
    Step(13, 1, indices=IJ, lhs=jac, rhs=quotient),
    Step(
        19,
        45,
        indices=IJ,
        lhs=jac,
        rhs=lambda v, n, i, j: s(v, i) * delta(i, j) - s(v, i) * s(v, j),
    ),
    Step(
        19,
        97,
        indices=IJ,
        lhs=lambda v, n, i, j: s(v, i) * delta(i, j) - s(v, i) * s(v, j),
        rhs=lambda v, n, i, j: s(v, i) * (delta(i, j) - s(v, j)),
    ),
    Step(25, 45, indices=IJ, case="i = j", lhs=jac, rhs=lambda v, n, i, j: s(v, i) * (1 - s(v, i))),
    Step(
        31,
        45,
        indices=IJ,
        case="i != j",
        lhs=jac,
        rhs=lambda v, n, i, j: -s(v, i) * s(v, i),
        note="planted: -sigma_i sigma_i for -sigma_i sigma_j",
    ),
]
