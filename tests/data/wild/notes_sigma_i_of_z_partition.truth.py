import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# The softmax written sigma_i(z), its sum named N(z); the last line drops the Kronecker delta
# "for every i and j": true only on the diagonal.


def sample(rng, n):
    return Point(z=reals(rng, n))


def s(z, k):
    return softmax(z)[k - 1]


def partition(z):
    return sum(mp.exp(x) for x in z)


def quotient(v, i, j):
    """The quotient rule's value as the text writes it."""
    top = delta(i, j) * mp.exp(v.z[i - 1]) * partition(v.z) - mp.exp(v.z[i - 1] + v.z[j - 1])
    return top / partition(v.z) ** 2


IJ = ("i", "j")
STEPS = [
    Step(5, 14, kind="definition"),
    Step(9, 7, kind="definition"),
    Step(
        13,
        36,
        indices=("j",),
        lhs=lambda v, n, j: d(partition, v.z, j),
        rhs=lambda v, n, j: mp.exp(v.z[j - 1]),
    ),
    Step(
        17,
        43,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: s(z, i), v.z, j),
        rhs=lambda v, n, i, j: quotient(v, i, j),
    ),
    Step(
        17,
        96,
        indices=IJ,
        lhs=lambda v, n, i, j: quotient(v, i, j),
        rhs=lambda v, n, i, j: s(v.z, i) * (delta(i, j) - s(v.z, j)),
    ),
    Step(
        21,
        43,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: s(z, i), v.z, j),
        rhs=lambda v, n, i, j: s(v.z, i) * (1 - s(v.z, j)),
    ),
]
