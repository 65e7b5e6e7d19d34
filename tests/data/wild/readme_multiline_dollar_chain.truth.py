import mpmath as mp
from truth import Point, Step, d, positives, reals, softmax


def sample(rng, n):
    # the README never says t is one-hot or sums to one: any non-negative targets
    return Point(z=reals(rng, n), t=positives(rng, n))


def a(v, k):
    return softmax(v.z)[k - 1]


def da(v, j, i):
    return d(lambda z: softmax(z)[j - 1], v.z, i)


def t(v, k):
    return v.t[k - 1]


def E(v, z):
    return -sum(v.t[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def ks(n, skip=None):
    return [k for k in range(1, n + 1) if k != skip]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    Step(7, 7, kind="definition"),
    Step(
        11,
        38,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: da(v, j, i),
        rhs=lambda v, n, i, j: a(v, i) * (1 - a(v, i)),
    ),
    Step(
        12,
        38,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: da(v, j, i),
        rhs=lambda v, n, i, j: -a(v, i) * a(v, j),
    ),
    Step(16, 5, kind="definition"),
    *chain(
        [(20, 36), (21, 4), (22, 4), (23, 4), (24, 4), (25, 4)],
        [
            lambda v, n, i: d(lambda z: E(v, z), v.z, i),
            lambda v, n, i: -sum(t(v, k) / a(v, k) * da(v, k, i) for k in ks(n)),
            lambda v, n, i: (
                -t(v, i) * (1 - a(v, i))
                - sum(t(v, k) / a(v, k) * (-a(v, k) * a(v, i)) for k in ks(n, i))
            ),
            lambda v, n, i: -t(v, i) * (1 - a(v, i)) + sum(t(v, k) * a(v, i) for k in ks(n, i)),
            lambda v, n, i: -t(v, i) + t(v, i) * a(v, i) + sum(t(v, k) * a(v, i) for k in ks(n, i)),
            lambda v, n, i: a(v, i) * sum(t(v, k) for k in ks(n)) - t(v, i),
            lambda v, n, i: a(v, i) - t(v, i),
        ],
        indices=("i",),
    ),
]
