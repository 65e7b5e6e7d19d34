import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # T > 0; "y be the one-hot target"
    return Point(a=reals(rng, n), T=mp.mpf(rng.uniform(0.3, 4)), y=one_hot(rng, n))


def q_of(a, T):
    return softmax([t / T for t in a])


def q(v, i):
    return q_of(v.a, v.T)[i - 1]


def dq(v, i, j):
    return d(lambda a: q_of(a, v.T)[i - 1], v.a, j)


def dq_du(v, i, k):  # derivative of the plain softmax in its own input u = a / T
    return d(lambda u: softmax(u)[i - 1], [t / v.T for t in v.a], k)


def du_da(v, k, j):
    return d(lambda a: a[k - 1] / v.T, v.a, j)


def y(v, k):
    return v.y[k - 1]


def ell(v, a):
    return -sum(v.y[k] * mp.log(q_of(a, v.T)[k]) for k in range(len(a)))


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(9, 7, kind="definition"),
    Step(9, 41, kind="definition"),
    *chain(
        [(16, 6), (17, 6), (18, 6)],
        [
            lambda v, n, i, j: dq(v, i, j),
            lambda v, n, i, j: sum(dq_du(v, i, k) * du_da(v, k, j) for k in ks(n)),
            lambda v, n, i, j: 1 / v.T * dq_du(v, i, j),
            lambda v, n, i, j: 1 / v.T * q(v, i) * (delta(i, j) - q(v, j)),
        ],
        indices=("i", "j"),
    ),
    *chain(
        [(24, 6), (25, 6), (26, 6)],
        [
            lambda v, n, i: d(lambda a: ell(v, a), v.a, i),
            lambda v, n, i: -sum(y(v, k) / q(v, k) * dq(v, k, i) for k in ks(n)),
            lambda v, n, i: -1 / v.T * sum(y(v, k) * (delta(k, i) - q(v, i)) for k in ks(n)),
            lambda v, n, i: (q(v, i) - y(v, i)) / v.T,
        ],
        indices=("i",),
    ),
    Step(
        30,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda a: v.T**2 * ell(v, a), v.a, i),
        rhs=lambda v, n, i: v.T * (q(v, i) - y(v, i)),
    ),
]
