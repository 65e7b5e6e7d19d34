import mpmath as mp
from truth import Point, Step, d, d2, delta, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), v=reals(rng, n))


def p(v, i):
    return softmax(v.z)[i - 1]


def ex(v, k):
    return mp.exp(v.z[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def L(z, c):
    return -mp.log(softmax(z)[c - 1])


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    *chain(
        [(10, 13), (11, 13)],
        [
            lambda v, n, i: mp.log(p(v, i)),
            lambda v, n, i: mp.log(ex(v, i) / Z(v)),
            lambda v, n, i: v.z[i - 1] - mp.log(Z(v)),
        ],
        indices=("i",),
    ),
    *chain(
        [(17, 61), (17, 102)],
        [
            lambda v, n, j: d(lambda z: mp.log(sum(mp.exp(t) for t in z)), v.z, j),
            lambda v, n, j: ex(v, j) / Z(v),
            lambda v, n, j: p(v, j),
        ],
        indices=("j",),
    ),
    Step(
        21,
        42,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d(lambda z: mp.log(softmax(z)[i - 1]), v.z, j),
        rhs=lambda v, n, i, j: delta(i, j) - p(v, j),
    ),
    *chain(
        [(26, 36), (26, 59)],
        [
            lambda v, n, c, j: d(lambda z: L(z, c), v.z, j),
            lambda v, n, c, j: -(delta(c, j) - p(v, j)),
            lambda v, n, c, j: p(v, j) - delta(c, j),
        ],
        indices=("c", "j"),
    ),
    *chain(
        [(31, 51), (32, 50)],
        [
            lambda v, n, c, i, j: d2(lambda z: L(z, c), v.z, i, j),
            lambda v, n, c, i, j: d(lambda z: softmax(z)[j - 1], v.z, i),
            lambda v, n, c, i, j: p(v, j) * (delta(i, j) - p(v, i)),
        ],
        indices=("c", "i", "j"),
    ),
    Step(
        36,
        66,
        lhs=lambda v, n: sum(
            v.v[i - 1] * v.v[j - 1] * p(v, j) * (delta(i, j) - p(v, i))
            for i in ks(n)
            for j in ks(n)
        ),
        rhs=lambda v, n: (
            sum(p(v, j) * v.v[j - 1] ** 2 for j in ks(n))
            - sum(p(v, j) * v.v[j - 1] for j in ks(n)) ** 2
        ),
    ),
]
