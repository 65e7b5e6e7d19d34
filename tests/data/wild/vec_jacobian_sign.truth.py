import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# The document writes the Jacobian for N = 3 entry by entry: judged at N = 3.
SIZES = (3,)


def sample(rng, n):
    # "a one-hot target y"
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def s(v):
    return softmax(v.z)


def E(v):
    return sum(mp.exp(t) for t in v.z)


def jac(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def written(v):
    """The pmatrix of the document, entry (2, 1) as written: +s_2 s_1."""
    s1, s2, s3 = s(v)
    return [
        [s1 - s1**2, -s1 * s2, -s1 * s3],
        [s2 * s1, s2 - s2**2, -s2 * s3],
        [-s3 * s1, -s3 * s2, s3 - s3**2],
    ]


def diag_minus_outer(v, i, j):
    q = s(v)
    return delta(i, j) * q[i - 1] - q[i - 1] * q[j - 1]


def loss_of_s(v, q):
    return -sum(yk * mp.log(qk) for yk, qk in zip(v.y, q, strict=True))


def grad_s(v, k):
    """[∇_s L]_k: L as a function of s, differentiated."""
    return d(lambda q: loss_of_s(v, q), s(v), k)


def grad_z(v, i):
    return d(lambda z: loss_of_s(v, softmax(z)), v.z, i)


IJ = ("i", "j")

STEPS = [
    Step(7, 7, kind="definition"),
    Step(
        13,
        37,
        indices=("i",),
        lhs=lambda v, n, i: jac(v, i, i),
        rhs=lambda v, n, i: (mp.exp(v.z[i - 1]) * E(v) - mp.exp(v.z[i - 1]) ** 2) / E(v) ** 2,
    ),
    Step(
        13,
        119,
        indices=("i",),
        lhs=lambda v, n, i: (mp.exp(v.z[i - 1]) * E(v) - mp.exp(v.z[i - 1]) ** 2) / E(v) ** 2,
        rhs=lambda v, n, i: s(v)[i - 1] - s(v)[i - 1] ** 2,
    ),
    Step(
        17,
        37,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: -mp.exp(v.z[i - 1]) * mp.exp(v.z[j - 1]) / E(v) ** 2,
    ),
    Step(
        17,
        99,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: -mp.exp(v.z[i - 1]) * mp.exp(v.z[j - 1]) / E(v) ** 2,
        rhs=lambda v, n, i, j: -s(v)[i - 1] * s(v)[j - 1],
    ),
    Step(
        23,
        49,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: written(v)[i - 1][j - 1],
        note="entry (2, 1) written +s_2 s_1 instead of -s_2 s_1",
    ),
    Step(
        27,
        15,
        indices=IJ,
        lhs=lambda v, n, i, j: written(v)[i - 1][j - 1],
        rhs=lambda v, n, i, j: diag_minus_outer(v, i, j),
        note="the written matrix (wrong entry (2, 1)) is not diag(s) - ss^T",
    ),
    Step(
        34,
        28,
        indices=("k",),
        lhs=lambda v, n, k: grad_s(v, k),
        rhs=lambda v, n, k: -v.y[k - 1] / s(v)[k - 1],
    ),
    Step(
        38,
        24,
        indices=("i",),
        lhs=lambda v, n, i: grad_z(v, i),
        rhs=lambda v, n, i: sum(jac(v, j, i) * grad_s(v, j) for j in range(1, n + 1)),
    ),
    Step(
        38,
        108,
        indices=("i",),
        lhs=lambda v, n, i: sum(jac(v, j, i) * grad_s(v, j) for j in range(1, n + 1)),
        rhs=lambda v, n, i: sum(diag_minus_outer(v, i, j) * grad_s(v, j) for j in range(1, n + 1)),
    ),
    Step(
        43,
        24,
        indices=("i",),
        lhs=lambda v, n, i: grad_z(v, i),
        rhs=lambda v, n, i: s(v)[i - 1] - v.y[i - 1],
    ),
]
