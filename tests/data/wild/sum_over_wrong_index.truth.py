import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # "y is a one-hot vector marking the correct class"
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def y(v, k):
    return v.y[k - 1]


def J_of_p(v, probs):
    return -sum(v.y[k] * mp.log(probs[k]) for k in range(len(probs)))


def J(v, z):
    return J_of_p(v, softmax(z))


def dp(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


def dJdp(v, k):
    return d(lambda probs: J_of_p(v, probs), softmax(v.z), k)


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(4, 8, kind="definition"),
    Step(6, 6, kind="definition"),
    Step(
        10,
        36,
        indices=("k",),
        lhs=lambda v, n, k: dJdp(v, k),
        rhs=lambda v, n, k: -y(v, k) / p(v, k),
    ),
    Step(
        12,
        38,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dp(v, k, i),
        rhs=lambda v, n, k, i: p(v, k) * (delta(k, i) - p(v, i)),
    ),
    *chain(
        [(14, 36), (15, 1), (16, 1), (17, 1)],
        [
            lambda v, n, i: d(lambda z: J(v, z), v.z, i),
            lambda v, n, i: sum(dJdp(v, k) * dp(v, k, i) for k in ks(n)),
            lambda v, n, i: (
                -sum(y(v, k) / p(v, k) * p(v, k) * (delta(k, i) - p(v, i)) for k in ks(n))
            ),
            # sum over the wrong index: p_k where the factor is p_i
            lambda v, n, i: (
                -sum(y(v, k) * delta(k, i) for k in ks(n)) + sum(y(v, k) * p(v, k) for k in ks(n))
            ),
            lambda v, n, i: -y(v, i) + sum(y(v, k) * p(v, k) for k in ks(n)),
        ],
        indices=("i",),
    ),
    Step(
        19,
        36,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: J(v, z), v.z, i),
        rhs=lambda v, n, i: p(v, i) - y(v, i),
    ),
]
