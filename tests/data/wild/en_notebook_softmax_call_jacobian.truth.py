import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# a notebook's markdown in vector notation: softmax(z) = e^z / sum_k e^{z_k}, its Jacobian as
# diag - outer product and as a bmatrix dotted up to K, then the cross-entropy gradient;
# planted: the entry (2, 1) of the bmatrix written s_2 s_1 without its minus (line 13).
# The dotted matrix shows rows 1, 2 and K apart, so it is judged from K = 3 on.
SIZES = (3, 4)


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def s(v, k):
    return softmax(v.z)[k - 1]


def jac(v, i, j):
    """∂softmax(z)_i/∂z_j of the definition, by a central difference."""
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def written(v, i, j):
    """The entry (i, j) of the bmatrix as the document writes it."""
    if i == j:
        return s(v, i) * (1 - s(v, i))
    if (i, j) == (2, 1):
        return s(v, 2) * s(v, 1)
    return -s(v, i) * s(v, j)


def loss(y, z):
    p = softmax(z)
    return -sum(yk * mp.log(pk) for yk, pk in zip(y, p, strict=True))


def dL(v, j):
    return d(lambda z: loss(v.y, z), v.z, j)


def dL_ds(v, k):  # L as a function of the entries s_k
    return d(
        lambda p: -sum(yk * mp.log(pk) for yk, pk in zip(v.y, p, strict=True)), softmax(v.z), k
    )


IJ = ("i", "j")

STEPS = [
    Step(5, 30, kind="definition"),
    Step(
        9,
        67,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * s(v, i) - s(v, i) * s(v, j),
    ),
    Step(
        13,
        67,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: written(v, i, j),
        note="planted: the entry (2, 1) is s_2 s_1, its minus dropped",
    ),
    Step(27, 52, kind="hypothesis", note="the one-hot target sums to 1"),
    Step(29, 5, kind="definition"),
    Step(
        31,
        56,
        indices=("k",),
        lhs=lambda v, n, k: dL_ds(v, k),
        rhs=lambda v, n, k: -v.y[k - 1] / s(v, k),
    ),
    Step(
        33,
        35,
        indices=("j",),
        lhs=lambda v, n, j: dL(v, j),
        rhs=lambda v, n, j: -sum(v.y[k - 1] * (delta(k, j) - s(v, j)) for k in range(1, n + 1)),
    ),
    Step(
        33,
        69,
        indices=("j",),
        lhs=lambda v, n, j: -sum(v.y[k - 1] * (delta(k, j) - s(v, j)) for k in range(1, n + 1)),
        rhs=lambda v, n, j: s(v, j) * sum(v.y) - v.y[j - 1],
    ),
    Step(
        33,
        92,
        indices=("j",),
        lhs=lambda v, n, j: s(v, j) * sum(v.y) - v.y[j - 1],
        rhs=lambda v, n, j: s(v, j) - v.y[j - 1],
    ),
    Step(
        37,
        25,
        indices=("j",),
        lhs=lambda v, n, j: dL(v, j),
        rhs=lambda v, n, j: s(v, j) - v.y[j - 1],
    ),
]
