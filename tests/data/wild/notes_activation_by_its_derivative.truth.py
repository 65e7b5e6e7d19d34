import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# activations a_i never defined but by the derivative that opens the chain (the softmax over
# the classes C); planted: the diagonal's formula written "for i != j" after the display


def sample(rng, n):
    return Point(z=reals(rng, n))


def a(z, i):
    return softmax(z)[i - 1]


def quotient(v, n, i, j):
    total = sum(mp.exp(x) for x in v.z)
    top = delta(i, j) * mp.exp(v.z[i - 1]) * total - mp.exp(v.z[i - 1] + v.z[j - 1])
    return top / total**2


IJ = ("i", "j")
STEPS = [
    Step(6, 37, kind="definition"),
    Step(10, 37, indices=IJ, lhs=lambda v, n, i, j: d(lambda z: a(z, i), v.z, j), rhs=quotient),
    Step(
        10,
        146,
        indices=IJ,
        lhs=quotient,
        rhs=lambda v, n, i, j: a(v.z, i) * (delta(i, j) - a(v.z, j)),
    ),
    Step(
        16,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: d(lambda z: a(z, i), v.z, j),
        rhs=lambda v, n, i, j: a(v.z, i) * (1 - a(v.z, j)),
    ),
]
