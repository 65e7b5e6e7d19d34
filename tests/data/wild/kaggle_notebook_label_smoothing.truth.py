import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # "The original label y is one-hot"; 0 < epsilon < 1
    return Point(z=reals(rng, n), y=one_hot(rng, n), eps=mp.mpf(rng.uniform(0.01, 0.5)))


def yh(v, k):
    return softmax(v.z)[k - 1]


def y(v, k):
    return v.y[k - 1]


def q(v, n, k):
    return (1 - v.eps) * y(v, k) + v.eps / n


def L(v, n, z):
    return -sum(q(v, n, k) * mp.log(softmax(z)[k - 1]) for k in range(1, n + 1))


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(7, 13, kind="definition"),
    Step(11, 7, kind="definition"),
    *chain(
        [(15, 22), (15, 92), (15, 124)],
        [
            lambda v, n: sum(q(v, n, k) for k in ks(n)),
            lambda v, n: (1 - v.eps) * sum(y(v, k) for k in ks(n)) + n * (v.eps / n),
            lambda v, n: 1 - v.eps + v.eps,
            lambda v, n: mp.mpf(1),
        ],
    ),
    Step(19, 15, kind="definition"),
    *chain(
        [(23, 45), (23, 93), (23, 131)],
        [
            lambda v, n, i: d(lambda z: L(v, n, z), v.z, i),
            lambda v, n, i: -sum(q(v, n, k) * (delta(k, i) - yh(v, i)) for k in ks(n)),
            lambda v, n, i: -q(v, n, i) + yh(v, i) * sum(q(v, n, k) for k in ks(n)),
            lambda v, n, i: yh(v, i) - q(v, n, i),
        ],
        indices=("i",),
    ),
    Step(
        27,
        19,
        indices=("i",),
        lhs=lambda v, n, i: yh(v, i) - q(v, n, i),
        rhs=lambda v, n, i: yh(v, i) - (1 - v.eps) * y(v, i) - v.eps / n,
    ),
]
