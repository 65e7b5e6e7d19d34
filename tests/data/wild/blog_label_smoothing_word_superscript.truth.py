import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# One-hot labels y over K = n classes (stated), smoothing epsilon. Planted: the last equality
# drops the 1/K of the uniform part (epsilon where epsilon / K is right).


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n), eps=mp.mpf(rng.uniform(0, 0.99)))


def yls(v, n, k):
    return (1 - v.eps) * v.y[k - 1] + v.eps / n


def p(z, k):
    return softmax(z)[k - 1]


def l_ls(v, n, z):
    return -sum(yls(v, n, k) * mp.log(p(z, k)) for k in range(1, n + 1))


def l_ce(v, n, z):
    return -sum(v.y[k - 1] * mp.log(p(z, k)) for k in range(1, n + 1))


I = ("i",)

STEPS = [
    Step(6, 19, kind="definition"),
    Step(
        10,
        34,
        lhs=lambda v, n: sum(yls(v, n, k) for k in range(1, n + 1)),
        rhs=lambda v, n: (1 - v.eps) * sum(v.y) + v.eps,
    ),
    Step(10, 81, lhs=lambda v, n: (1 - v.eps) * sum(v.y) + v.eps, rhs=lambda v, n: 1),
    Step(12, 11, kind="definition"),
    Step(13, 16, kind="definition"),
    Step(15, 17, kind="definition"),
    Step(
        15,
        119,
        lhs=lambda v, n: l_ls(v, n, v.z),
        rhs=lambda v, n: (
            (1 - v.eps) * l_ce(v, n, v.z)
            - v.eps / n * sum(mp.log(p(v.z, k)) for k in range(1, n + 1))
        ),
    ),
    Step(
        19,
        47,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: l_ls(v, n, z), v.z, i),
        rhs=lambda v, n, i: p(v.z, i) - yls(v, n, i),
    ),
    Step(
        19,
        71,
        indices=I,
        lhs=lambda v, n, i: p(v.z, i) - yls(v, n, i),
        rhs=lambda v, n, i: p(v.z, i) - (1 - v.eps) * v.y[i - 1] - v.eps,
        note="planted: epsilon / K",
    ),
]
