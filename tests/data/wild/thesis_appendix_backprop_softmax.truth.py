import mpmath as mp
from truth import Point, Step, d, distribution, reals, softmax


def sample(rng, n):
    # desired output: "non-negative and add up to one" (smoothed labels, not one-hot)
    return Point(x=reals(rng, n), yd=distribution(rng, n))


def ex(v, k):
    return mp.exp(v.x[k - 1])


def Z(v):
    return sum(mp.exp(t) for t in v.x)


def y(v, i):
    return softmax(v.x)[i - 1]


def dy(v, k, i):
    return d(lambda x: softmax(x)[k - 1], v.x, i)


def yd(v, k):  # the desired output \hat y
    return v.yd[k - 1]


def E(v, x):
    return -sum(v.yd[j] * mp.log(softmax(x)[j]) for j in range(len(x)))


def ks(n, skip=None):
    return [k for k in range(1, n + 1) if k != skip]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(6, 7, kind="definition"),
    Step(11, 21, kind="hypothesis"),
    Step(15, 5, kind="definition"),
    *chain(
        [(24, 38), (25, 4), (26, 4)],
        [
            lambda v, n, i: dy(v, i, i),
            lambda v, n, i: (ex(v, i) * Z(v) - ex(v, i) * ex(v, i)) / Z(v) ** 2,
            lambda v, n, i: ex(v, i) / Z(v) * ((Z(v) - ex(v, i)) / Z(v)),
            lambda v, n, i: y(v, i) * (1 - y(v, i)),
        ],
        indices=("i",),
    ),
    *chain(
        [(32, 38), (33, 4)],
        [
            lambda v, n, k, i: dy(v, k, i),
            lambda v, n, k, i: -ex(v, k) * ex(v, i) / Z(v) ** 2,
            lambda v, n, k, i: -y(v, k) * y(v, i),
        ],
        indices=("k", "i"),
        case="k != i",
    ),
    *chain(
        [(42, 36), (43, 4), (44, 4), (45, 4), (46, 4)],
        [
            lambda v, n, i: d(lambda x: E(v, x), v.x, i),
            lambda v, n, i: (
                -sum(yd(v, k) * d(lambda x, k=k: mp.log(softmax(x)[k - 1]), v.x, i) for k in ks(n))
            ),
            lambda v, n, i: (
                -yd(v, i) / y(v, i) * y(v, i) * (1 - y(v, i))
                - sum(yd(v, k) / y(v, k) * (-y(v, k) * y(v, i)) for k in ks(n, i))
            ),
            lambda v, n, i: (
                -yd(v, i) + yd(v, i) * y(v, i) + y(v, i) * sum(yd(v, k) for k in ks(n, i))
            ),
            lambda v, n, i: -yd(v, i) + y(v, i) * sum(yd(v, k) for k in ks(n)),
            lambda v, n, i: y(v, i) - yd(v, i),
        ],
        indices=("i",),
    ),
]
