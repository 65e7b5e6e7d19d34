import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax
from truth_linalg import matmul, sub

# The document writes 3x3 matrices out entry by entry, so it is judged at N = 3.
SIZES = (3,)


def sample(rng, n):
    return Point(o=reals(rng, n), g=reals(rng, n))


def p(v):
    return softmax(v.o)


def Z(v):
    return sum(mp.exp(t) for t in v.o)


def jac(v, i, j):
    """∂p_i/∂o_j of the definition, by a central difference."""
    return d(lambda o: softmax(o)[i - 1], v.o, j)


def written_3x3(v):
    """The explicit matrix the document writes for N = 3."""
    p1, p2, p3 = p(v)
    return [
        [p1 * (1 - p1), -p1 * p2, -p1 * p3],
        [-p2 * p1, p2 * (1 - p2), -p2 * p3],
        [-p3 * p1, -p3 * p2, p3 * (1 - p3)],
    ]


def diag_minus_outer_3x3(v):
    p1, p2, p3 = p(v)
    diag = [[p1, 0, 0], [0, p2, 0], [0, 0, p3]]
    return sub(diag, matmul([[p1], [p2], [p3]], [[p1, p2, p3]]))


def diag_minus_outer(v, i, j):
    q = p(v)
    return delta(i, j) * q[i - 1] - q[i - 1] * q[j - 1]


def general_pattern(v, i, j):
    q = p(v)
    return q[i - 1] * (1 - q[i - 1]) if i == j else -q[i - 1] * q[j - 1]


def dot(a, b):
    return sum(x * y for x, y in zip(a, b, strict=True))


IJ = ("i", "j")

STEPS = [
    Step(9, 18, kind="definition"),
    Step(9, 48, kind="definition"),
    Step(
        16,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: (
            (delta(i, j) * mp.exp(v.o[i - 1]) * Z(v) - mp.exp(v.o[i - 1]) * mp.exp(v.o[j - 1]))
            / Z(v) ** 2
        ),
    ),
    Step(
        16,
        134,
        indices=IJ,
        lhs=lambda v, n, i, j: (
            (delta(i, j) * mp.exp(v.o[i - 1]) * Z(v) - mp.exp(v.o[i - 1]) * mp.exp(v.o[j - 1]))
            / Z(v) ** 2
        ),
        rhs=lambda v, n, i, j: delta(i, j) * p(v)[i - 1] - p(v)[i - 1] * p(v)[j - 1],
    ),
    Step(
        16,
        162,
        indices=IJ,
        lhs=lambda v, n, i, j: delta(i, j) * p(v)[i - 1] - p(v)[i - 1] * p(v)[j - 1],
        rhs=lambda v, n, i, j: p(v)[i - 1] * (delta(i, j) - p(v)[j - 1]),
    ),
    Step(22, 5, kind="definition", note="J names the Jacobian"),
    Step(
        22,
        52,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: jac(v, i, j),
        note="the Jacobian written as its matrix of partials",
    ),
    Step(
        26,
        15,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: written_3x3(v)[i - 1][j - 1],
    ),
    Step(
        39,
        15,
        indices=IJ,
        lhs=lambda v, n, i, j: written_3x3(v)[i - 1][j - 1],
        rhs=lambda v, n, i, j: diag_minus_outer_3x3(v)[i - 1][j - 1],
    ),
    Step(
        39,
        185,
        indices=IJ,
        lhs=lambda v, n, i, j: diag_minus_outer_3x3(v)[i - 1][j - 1],
        rhs=lambda v, n, i, j: diag_minus_outer(v, i, j),
    ),
    Step(
        45,
        5,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: general_pattern(v, i, j),
    ),
    Step(
        50,
        15,
        indices=IJ,
        lhs=lambda v, n, i, j: general_pattern(v, i, j),
        rhs=lambda v, n, i, j: diag_minus_outer(v, i, j),
    ),
    Step(
        54,
        10,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, j, i),
        rhs=lambda v, n, i, j: jac(v, i, j),
    ),
    Step(
        58,
        15,
        indices=("i",),
        lhs=lambda v, n, i: sum(jac(v, i, j) for j in range(1, n + 1)),
        rhs=lambda v, n, i: p(v)[i - 1] - p(v)[i - 1] * sum(p(v)),
    ),
    Step(
        58,
        71,
        indices=("i",),
        lhs=lambda v, n, i: p(v)[i - 1] - p(v)[i - 1] * sum(p(v)),
        rhs=lambda v, n, i: p(v)[i - 1] - p(v)[i - 1],
    ),
    Step(
        58,
        97,
        indices=("i",),
        lhs=lambda v, n, i: p(v)[i - 1] - p(v)[i - 1],
        rhs=lambda v, n, i: 0,
    ),
    Step(
        67,
        21,
        indices=("i",),
        lhs=lambda v, n, i: sum(jac(v, j, i) * v.g[j - 1] for j in range(1, n + 1)),
        rhs=lambda v, n, i: p(v)[i - 1] * v.g[i - 1] - p(v)[i - 1] * dot(p(v), v.g),
    ),
    Step(
        67,
        110,
        indices=("i",),
        lhs=lambda v, n, i: p(v)[i - 1] * v.g[i - 1] - p(v)[i - 1] * dot(p(v), v.g),
        rhs=lambda v, n, i: p(v)[i - 1] * (v.g[i - 1] - dot(p(v), v.g)),
    ),
]
