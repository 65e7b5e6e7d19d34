import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# the class count a lowercase k (\sum^k_{j=1}, "共有 $k$ 类", ", \ i \in 1 \cdots k" after the
# definition); each case of the Jacobian in its own display, the case written as a row
# "if \ s = i, \\" (first display: before the derivative; second: after it), then rows that
# start with "=". Planted: the last row of the s ≠ i case has σ_i σ_i (it is -σ_i σ_s).


def sample(rng, n):
    return Point(z=reals(rng, n))


def e(v, k):
    return mp.exp(v.z[k - 1])


def S(v):
    return sum(mp.exp(t) for t in v.z)


def sig(v, i):
    return softmax(v.z)[i - 1]


def ds(v, i, s):
    return d(lambda z: softmax(z)[i - 1], v.z, s)


IS = ("i", "s")


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(3, 28, kind="definition"),
    Step(6, 13, kind="definition"),
    Step(9, 19, kind="definition", note="the vector of the k outputs"),
    *chain(
        [(15, 43), (16, 1), (17, 1)],
        [
            lambda v, n, i, s: ds(v, i, s),
            lambda v, n, i, s: (e(v, i) * S(v) - e(v, i) * e(v, s)) / S(v) ** 2,
            lambda v, n, i, s: e(v, i) / S(v) * (S(v) - e(v, i)) / S(v),
            lambda v, n, i, s: sig(v, i) * (1 - sig(v, i)),
        ],
        indices=IS,
        case="i = s",
    ),
    *chain(
        [(22, 1), (23, 1)],
        [
            lambda v, n, i, s: ds(v, i, s),
            lambda v, n, i, s: (0 * S(v) - e(v, i) * e(v, s)) / S(v) ** 2,
            lambda v, n, i, s: -e(v, i) / S(v) * e(v, s) / S(v),
        ],
        indices=IS,
        case="i != s",
    ),
    Step(
        24,
        1,
        indices=IS,
        case="i != s",
        lhs=lambda v, n, i, s: -e(v, i) / S(v) * e(v, s) / S(v),
        rhs=lambda v, n, i, s: -sig(v, i) * sig(v, i),
        note="planted: the second factor's index slipped from s to i",
    ),
    Step(
        30,
        43,
        indices=IS,
        lhs=lambda v, n, i, s: ds(v, i, s),
        rhs=lambda v, n, i, s: sig(v, i) * (delta(i, s) - sig(v, s)),
    ),
]
