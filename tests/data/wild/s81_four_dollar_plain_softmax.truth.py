import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# A blog post "imported from my old blog": every display is written $$$$ … $$$$ and several
# fractions carry a trailing empty group (\frac{…}{…}{}, A A{}^T). The softmax is first defined
# in plain letters without indices, A = \frac{e^z}{\Sigma e^z}{}, then for one output with
# \Sigma_j as the sum sign; the derivative of the denominator is written with an unindexed
# \Sigma e^{z_i} (the sum over i). The diagonal display is at ∂A_i/∂z_i (one index); the
# off-diagonal display is under "for $i \neq j$". The matrix form diag(A) - A A^T is checked
# entry by entry. No planted slip: every step holds.


def sample(rng, n):
    return Point(z=reals(rng, n))


def e(v, k):
    return mp.exp(v.z[k - 1])


def S(v):
    return mp.fsum(mp.exp(t) for t in v.z)


def A(v, i):
    return softmax(v.z)[i - 1]


def jac(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(7, 7, kind="definition"),
    Step(9, 77, kind="definition", note="the same softmax written for one output"),
    Step(
        11,
        228,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: mp.fsum(mp.exp(t) for t in z), v.z, j),
        rhs=lambda v, n, j: e(v, j),
        note="\\Sigma e^{z_i}: the sum over i",
    ),
    *chain(
        [(15, 39), (15, 115), (15, 212)],
        [
            lambda v, n, i: jac(v, i, i),
            lambda v, n, i: (e(v, i) * S(v) - e(v, i) * e(v, i)) / S(v) ** 2,
            lambda v, n, i: e(v, i) / S(v) * (S(v) - e(v, i)) / S(v),
            lambda v, n, i: A(v, i) * (1 - A(v, i)),
        ],
        indices=I,
    ),
    *chain(
        [(19, 39), (19, 92), (19, 165)],
        [
            lambda v, n, i, j: jac(v, i, j),
            lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / S(v) ** 2,
            lambda v, n, i, j: -e(v, i) / S(v) * e(v, j) / S(v),
            lambda v, n, i, j: -A(v, i) * A(v, j),
        ],
        indices=IJ,
        case="i != j",
    ),
    Step(
        23,
        35,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * A(v, i) - A(v, i) * A(v, j),
        note="the matrix diag(A) - A A^T, entry (i, j)",
    ),
]
