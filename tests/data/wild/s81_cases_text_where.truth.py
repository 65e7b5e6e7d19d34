import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# Recitation notes whose cases blocks set each row's condition apart in text, with no &:
# \text{ if } i = j / \text{ otherwise}, and rows that carry their own equality before
# \text{ where } i = j / \text{ where } i \neq j. A cases step is transcribed with the row the
# index case selects; a row's inner equality is transcribed in that row's case. The last block
# is by target value (\text{ if } t_j = 1 / \text{ otherwise}) and picks the row from t.
# Planted: in (e) the row for t_j = 1 reads 1 - s_j (a sign slip; it is s_j - 1, which is what
# (d) gives). Everything else holds.


def sample(rng, n):
    return Point(x=reals(rng, n), t=one_hot(rng, n))


def e(v, k):
    return mp.exp(v.x[k - 1])


def S(v):
    return mp.fsum(mp.exp(u) for u in v.x)


def s(v, i):
    return softmax(v.x)[i - 1]


def jac(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def loss(x, t):
    return -mp.fsum(tk * mp.log(q) for tk, q in zip(t, softmax(x)))


def dL(v, j):
    return d(lambda x: loss(x, v.t), v.x, j)


def t(v, k):
    return v.t[k - 1]


IJ = ("i", "j")
J = ("j",)


def row1(v, n, i, j):
    return e(v, i) / S(v) - e(v, i) * e(v, j) / S(v) ** 2


def row2(v, n, i, j):
    return -e(v, i) * e(v, j) / S(v) ** 2


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(3, 58, kind="definition"),
    Step(3, 128, kind="hypothesis", note="the one-hot target sums to 1"),
    Step(3, 147, kind="definition"),
    Step(
        7,
        41,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda x: mp.exp(x[i - 1]), v.x, j),
        rhs=lambda v, n, i, j: e(v, i) if i == j else mp.mpf(0),
    ),
    Step(
        9,
        86,
        indices=J,
        lhs=lambda v, n, j: d(lambda x: mp.fsum(mp.exp(u) for u in x), v.x, j),
        rhs=lambda v, n, j: e(v, j),
    ),
    Step(
        13,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: row1(v, n, i, j) if i == j else row2(v, n, i, j),
        note="the row the index case selects",
    ),
    Step(
        13,
        129,
        indices=IJ,
        case="i = j",
        lhs=row1,
        rhs=lambda v, n, i, j: s(v, i) * (1 - s(v, j)),
    ),
    Step(
        13,
        212,
        indices=IJ,
        case="i != j",
        lhs=row2,
        rhs=lambda v, n, i, j: -s(v, i) * s(v, j),
    ),
    *chain(
        [(17, 35), (17, 95), (17, 137), (17, 161)],
        [
            lambda v, n, j: dL(v, j),
            lambda v, n, j: -mp.fsum(t(v, k) / s(v, k) * jac(v, k, j) for k in range(1, n + 1)),
            lambda v, n, j: (
                -t(v, j) * (1 - s(v, j))
                + mp.fsum(t(v, k) * s(v, j) for k in range(1, n + 1) if k != j)
            ),
            lambda v, n, j: -t(v, j) + s(v, j) * mp.fsum(v.t),
            lambda v, n, j: s(v, j) - t(v, j),
        ],
        indices=J,
    ),
    Step(
        21,
        35,
        indices=J,
        lhs=lambda v, n, j: dL(v, j),
        rhs=lambda v, n, j: 1 - s(v, j) if t(v, j) == 1 else s(v, j),
        note="planted: the row for t_j = 1 has its sign flipped (it is s_j - 1)",
    ),
]
