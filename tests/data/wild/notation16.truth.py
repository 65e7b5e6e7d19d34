import mpmath as mp
from truth import Point, Step, d, delta, dscalar, one_hot, reals, sigmoid, softmax

# Softmax and cross-entropy in the spellings of real posts: \text{CE} defined with
# \overset{\text{def}}{=}, an align with \label, \nonumber, \tag and \\[4pt], connectives
# (\implies after a case, \Longrightarrow, \therefore, a row led by \Rightarrow), TeX spacing
# before a case, an array and a vmatrix for the 2×2 Jacobian, primes written \prime, and a
# README table whose cells end in <br>. Planted: the array's last cell p_2(1 - p_1) (an index
# copied from the first row), the gradient's sign after \Rightarrow, and the table's second
# BCE derivative with its sign flipped. The determinant = 0 is correct (the Jacobian is
# singular).

SIZES = (2, 3, 4)


def sample(rng, n):
    return Point(
        z=reals(rng, n),
        y=one_hot(rng, n),
        x=mp.mpf(rng.uniform(-3, 3)),
        b=mp.mpf(rng.choice((0, 1))),
    )


def p(v):
    return softmax(v.z)


def ce(v, z):
    q = softmax(z)
    return -mp.fsum(y * mp.log(t) for y, t in zip(v.y, q))


def jac(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def bce(b, x):
    return -b * mp.log(sigmoid(x)) - (1 - b) * mp.log(1 - sigmoid(x))


def s1(x):
    return dscalar(sigmoid, x)


def jacobian2(v, n, wrong):
    q = p(v)
    if n != 2:
        return None
    last = q[1] * (1 - q[0]) if wrong else q[1] * (1 - q[1])
    return [[q[0] * (1 - q[0]), -q[0] * q[1]], [-q[1] * q[0], last]]


def matrix_gap(v, n, wrong):
    """The largest difference between the Jacobian and the written matrix (N = 2 only)."""
    written = jacobian2(v, n, wrong)
    if written is None:
        return mp.mpf(0)
    return max(abs(jac(v, r + 1, c + 1) - written[r][c]) for r in range(2) for c in range(2))


def det2(v, n):
    q = p(v)
    if n != 2:
        return mp.mpf(0)
    return q[0] * (1 - q[0]) * q[1] * (1 - q[1]) - (q[0] * q[1]) ** 2


STEPS = [
    Step(5, 7, kind="definition"),
    Step(9, 34, kind="definition"),
    Step(
        14,
        36,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: (
            (
                delta(i, j) * mp.exp(v.z[i - 1]) * mp.fsum(mp.exp(t) for t in v.z)
                - mp.exp(v.z[i - 1]) * mp.exp(v.z[j - 1])
            )
            / mp.fsum(mp.exp(t) for t in v.z) ** 2
        ),
        indices=("i", "j"),
    ),
    Step(
        15,
        2,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * p(v)[i - 1] - p(v)[i - 1] * p(v)[j - 1],
        indices=("i", "j"),
    ),
    Step(
        16,
        2,
        lhs=lambda v, n, i, j: delta(i, j) * p(v)[i - 1] - p(v)[i - 1] * p(v)[j - 1],
        rhs=lambda v, n, i, j: p(v)[i - 1] * (delta(i, j) - p(v)[j - 1]),
        indices=("i", "j"),
    ),
    Step(
        19,
        52,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: p(v)[i - 1] * (1 - p(v)[i - 1]),
        indices=("i", "j"),
        case="i = j",
    ),
    Step(
        21,
        37,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: -p(v)[i - 1] * p(v)[j - 1],
        indices=("i", "j"),
        case="i != j",
    ),
    Step(
        21,
        128,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: -p(v)[j - 1] * p(v)[i - 1],
        indices=("i", "j"),
        case="i != j",
    ),
    Step(
        25,
        51,
        lhs=lambda v, n: matrix_gap(v, n, wrong=True),
        rhs=lambda v, n: mp.mpf(0),
        note="planted: the last cell p_2(1 - p_1)",
    ),
    Step(29, 84, lhs=lambda v, n: det2(v, n), rhs=lambda v, n: mp.mpf(0)),
    Step(
        33,
        43,
        lhs=lambda v, n, j: d(lambda z: ce(v, z), v.z, j),
        rhs=lambda v, n, j: -mp.fsum(v.y[k] / p(v)[k] * jac(v, k + 1, j) for k in range(n)),
        indices=("j",),
    ),
    Step(
        33,
        103,
        lhs=lambda v, n, j: -mp.fsum(v.y[k] / p(v)[k] * jac(v, k + 1, j) for k in range(n)),
        rhs=lambda v, n, j: -mp.fsum(v.y[k] * (delta(k + 1, j) - p(v)[j - 1]) for k in range(n)),
        indices=("j",),
    ),
    Step(
        33,
        188,
        lhs=lambda v, n, j: d(lambda z: ce(v, z), v.z, j),
        rhs=lambda v, n, j: p(v)[j - 1] * mp.fsum(v.y) - v.y[j - 1],
        indices=("j",),
    ),
    Step(
        35,
        55,
        lhs=lambda v, n, j: d(lambda z: ce(v, z), v.z, j),
        rhs=lambda v, n, j: v.y[j - 1] - p(v)[j - 1],
        indices=("j",),
        note="planted sign",
    ),
    Step(
        41,
        22,
        lhs=lambda v, n: s1(v.x),
        rhs=lambda v, n: mp.exp(-v.x) / (1 + mp.exp(-v.x)) ** 2,
    ),
    Step(
        41,
        54,
        lhs=lambda v, n: mp.exp(-v.x) / (1 + mp.exp(-v.x)) ** 2,
        rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
    ),
    Step(
        43,
        28,
        lhs=lambda v, n: dscalar(s1, v.x),
        rhs=lambda v, n: s1(v.x) * (1 - 2 * sigmoid(v.x)),
    ),
    Step(47, 19, kind="definition"),
    Step(
        51,
        43,
        lhs=lambda v, n: dscalar(lambda t: bce(v.b, t), v.x),
        rhs=lambda v, n: sigmoid(v.x) - v.b,
    ),
    Step(
        52,
        48,
        lhs=lambda v, n: dscalar(lambda t: bce(v.b, t), v.x),
        rhs=lambda v, n: v.b - sigmoid(v.x),
        note="planted sign",
    ),
]
