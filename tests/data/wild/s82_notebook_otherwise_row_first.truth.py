import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# A from-scratch notebook (Markdown cells between code cells) on the softmax backward pass. Its
# cases block puts the "otherwise" row FIRST: -S_iS_j & \text{otherwise} \\ S_i(1-S_i) & i = j;
# the step is transcribed with the row the index case selects. "the whole Jacobian is one line of
# NumPy: J = diag(S) - SS^T" names the Jacobian J, so that display is transcribed entrywise. The
# code cells (`S = np.exp(x) / ...`, `J = np.diag(S) - ...`, `dx = S - y`) are not labelled.
# The label y is one-hot (said in words). No planted slip: every step holds.


def sample(rng, n):
    return Point(x=reals(rng, n), y=one_hot(rng, n))


def S(v, i):
    return softmax(v.x)[i - 1]


def jac(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def loss(x, y):
    return -mp.fsum(yk * mp.log(sk) for yk, sk in zip(y, softmax(x)))


def y(v, k):
    return v.y[k - 1]


IJ = ("i", "j")
I = ("i",)
J = ("j",)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        9,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (1 - S(v, i)) if i == j else -S(v, i) * S(v, j),
        note="the row the index case selects (the otherwise row is written first)",
    ),
    Step(
        13,
        5,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: (S(v, i) if i == j else 0) - S(v, i) * S(v, j),
        note="J is the Jacobian; diag(S) - SS^T entrywise",
    ),
    Step(
        13,
        56,
        indices=IJ,
        lhs=lambda v, n, i, j: (S(v, i) if i == j else 0) - S(v, i) * S(v, j),
        rhs=lambda v, n, i, j: S(v, i) * delta(i, j) - S(v, i) * S(v, j),
    ),
    *chain(
        [(19, 68), (19, 91)],
        [
            lambda v, n, i: mp.fsum(jac(v, i, j) for j in range(1, n + 1)),
            lambda v, n, i: S(v, i) - S(v, i) * mp.fsum(S(v, j) for j in range(1, n + 1)),
            lambda v, n, i: mp.mpf(0),
        ],
        indices=I,
    ),
    Step(21, 41, kind="definition"),
    *chain(
        [(23, 35), (23, 95), (23, 129)],
        [
            lambda v, n, j: d(lambda x: loss(x, v.y), v.x, j),
            lambda v, n, j: -mp.fsum(y(v, k) / S(v, k) * jac(v, k, j) for k in range(1, n + 1)),
            lambda v, n, j: -mp.fsum(y(v, k) * (delta(k, j) - S(v, j)) for k in range(1, n + 1)),
            lambda v, n, j: S(v, j) - y(v, j),
        ],
        indices=J,
    ),
]
