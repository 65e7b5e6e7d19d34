import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# Label smoothing q_k = (1 - ε) δ_kc + ε/K with "true class $c$" (an index here), the gradient
# p_k - q_k, then the cases said in words before their displays: "Unless $k$ is the true class,"
# (k ≠ c) and "For the true class itself," (the display is written at c). The last display's
# first sign states the point where the push stops (a condition on p_c, not a claim); the
# algebra after it is checked. No planted slip.


def sample(rng, n):
    return Point(z=reals(rng, n), eps=mp.mpf(rng.uniform(0, 1)))


def q(v, n, k, c):
    return (1 - v.eps) * delta(k, c) + v.eps / n


def p(v, k):
    return softmax(v.z)[k - 1]


def loss(v, n, z, c):
    return -mp.fsum(q(v, n, k, c) * mp.log(softmax(z)[k - 1]) for k in range(1, n + 1))


def dL(v, n, k, c):
    return d(lambda z: loss(v, n, z, c), v.z, k)


def qsum(v, n, c):
    return mp.fsum(q(v, n, k, c) for k in range(1, n + 1))


KC = ("k", "c")


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(3, 53, kind="definition"),
    Step(5, 7, kind="definition"),
    *chain(
        [(7, 49), (7, 101)],
        [
            lambda v, n, c: qsum(v, n, c),
            lambda v, n, c: (1 - v.eps) + n * v.eps / n,
            lambda v, n, c: mp.mpf(1),
        ],
        indices=("c",),
    ),
    Step(7, 126, kind="definition"),
    *chain(
        [(9, 35), (9, 77), (9, 108)],
        [
            lambda v, n, k, c: dL(v, n, k, c),
            lambda v, n, k, c: (
                -mp.fsum(q(v, n, m, c) * (delta(m, k) - p(v, k)) for m in range(1, n + 1))
            ),
            lambda v, n, k, c: p(v, k) * qsum(v, n, c) - q(v, n, k, c),
            lambda v, n, k, c: p(v, k) - q(v, n, k, c),
        ],
        indices=KC,
    ),
    # "Unless $k$ is the true class,"
    Step(
        13,
        7,
        indices=KC,
        case="k != c",
        lhs=lambda v, n, k, c: q(v, n, k, c),
        rhs=lambda v, n, k, c: v.eps / n,
    ),
    Step(
        13,
        71,
        indices=KC,
        case="k != c",
        lhs=lambda v, n, k, c: dL(v, n, k, c),
        rhs=lambda v, n, k, c: p(v, k) - v.eps / n,
    ),
    # "For the true class itself,"
    Step(
        17,
        7,
        indices=("c",),
        lhs=lambda v, n, c: q(v, n, c, c),
        rhs=lambda v, n, c: 1 - v.eps + v.eps / n,
    ),
    Step(
        17,
        89,
        indices=("c",),
        lhs=lambda v, n, c: dL(v, n, c, c),
        rhs=lambda v, n, c: p(v, c) - 1 + v.eps - v.eps / n,
    ),
    Step(21, 7, kind="hypothesis", note="the stationary point: where the push stops"),
    Step(
        21,
        49,
        lhs=lambda v, n: 1 - v.eps + v.eps / n,
        rhs=lambda v, n: 1 - (n - 1) * v.eps / n,
    ),
]
