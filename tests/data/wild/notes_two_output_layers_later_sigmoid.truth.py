import mpmath as mp
from truth import Point, Step, d, delta, reals, sigmoid, softmax

# Section 7.1 means s = softmax(z) (said in words: normalized exponentials adding up to one);
# section 7.2 defines s_i = σ(z_i). Planted: the diagonal written out ends in s_i(1 + s_i).


def sample(rng, n):
    return Point(z=reals(rng, n))


def soft(v, k):
    return softmax(v.z)[k - 1]


def dsoft(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def sig(v, k):
    return sigmoid(v.z[k - 1])


def dsig(v, i, j):
    return d(lambda z: sigmoid(z[i - 1]), v.z, j)


IJ = ("i", "j")

STEPS = [
    Step(
        12,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dsoft(v, i, j),
        rhs=lambda v, n, i, j: soft(v, i) * (delta(i, j) - soft(v, j)),
    ),
    Step(
        16,
        44,
        indices=("i",),
        lhs=lambda v, n, i: sum(dsoft(v, i, j) for j in range(1, n + 1)),
        rhs=lambda v, n, i: soft(v, i) - soft(v, i) * sum(soft(v, j) for j in range(1, n + 1)),
    ),
    Step(
        16,
        67,
        indices=("i",),
        lhs=lambda v, n, i: soft(v, i) - soft(v, i) * sum(soft(v, j) for j in range(1, n + 1)),
        rhs=lambda v, n, i: 0,
    ),
    Step(22, 7, kind="definition"),
    Step(
        26,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: dsig(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * sig(v, i) * (1 - sig(v, i)),
    ),
    Step(
        30,
        37,
        indices=("i",),
        lhs=lambda v, n, i: dsig(v, i, i),
        rhs=lambda v, n, i: mp.exp(-v.z[i - 1]) / (1 + mp.exp(-v.z[i - 1])) ** 2,
    ),
    Step(
        30,
        73,
        indices=("i",),
        lhs=lambda v, n, i: mp.exp(-v.z[i - 1]) / (1 + mp.exp(-v.z[i - 1])) ** 2,
        rhs=lambda v, n, i: sig(v, i) * (1 + sig(v, i)),
    ),
]
