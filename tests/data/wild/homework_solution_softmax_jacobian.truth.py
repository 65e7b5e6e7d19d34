import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # "a one-hot target vector t"
    return Point(th=reals(rng, n), t=one_hot(rng, n))


def ex(v, k):
    return mp.exp(v.th[k - 1])


def Z(v):
    return sum(mp.exp(u) for u in v.th)


def sig(v, i):
    return softmax(v.th)[i - 1]


def dsig(v, i, j):
    return d(lambda th: softmax(th)[i - 1], v.th, j)


def t(v, k):
    return v.t[k - 1]


def J(v, th):
    return -sum(v.t[k] * mp.log(softmax(th)[k]) for k in range(len(th)))


def js(n, skip=None):
    return [j for j in range(1, n + 1) if j != skip]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(13, 5, kind="definition"),
    *chain(
        [(18, 3), (19, 3), (20, 3)],
        [
            lambda v, n, i, j: dsig(v, i, j),
            lambda v, n, i, j: (
                1 / Z(v) * d(lambda th: mp.exp(th[i - 1]), v.th, j)
                - ex(v, i) / Z(v) ** 2 * d(lambda th: sum(mp.exp(u) for u in th), v.th, j)
            ),
            lambda v, n, i, j: delta(i, j) * ex(v, i) / Z(v) - ex(v, i) * ex(v, j) / Z(v) ** 2,
            lambda v, n, i, j: sig(v, i) * (delta(i, j) - sig(v, j)),
        ],
        indices=("i", "j"),
    ),
    *chain(
        [(28, 6), (29, 6), (30, 6), (31, 6), (32, 6), (33, 6)],
        [
            lambda v, n, i: d(lambda th: J(v, th), v.th, i),
            lambda v, n, i: -sum(t(v, j) / sig(v, j) * dsig(v, j, i) for j in js(n)),
            lambda v, n, i: -sum(t(v, j) * (delta(i, j) - sig(v, i)) for j in js(n)),
            lambda v, n, i: (
                -t(v, i) * (1 - sig(v, i)) - sum(t(v, j) * (0 - sig(v, i)) for j in js(n, i))
            ),
            lambda v, n, i: -t(v, i) * (1 - sig(v, i)) + sig(v, i) * sum(t(v, j) for j in js(n, i)),
            lambda v, n, i: -t(v, i) + sig(v, i) * (t(v, i) + sum(t(v, j) for j in js(n, i))),
            lambda v, n, i: sig(v, i) - t(v, i),
        ],
        indices=("i",),
    ),
]
