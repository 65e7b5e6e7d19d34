import mpmath as mp
from truth import Point, Step, d, distribution, one_hot, reals, softmax

# 9.1: y is any point of the probability simplex (stated). 9.2: y_k = (1 - eps) t_k + eps/K with
# t one-hot and 0 <= eps <= 1 (stated); y is then again on the simplex.


def sample(rng, n):
    return Point(
        z=reals(rng, n), y=distribution(rng, n), t=one_hot(rng, n), eps=mp.mpf(rng.uniform(0, 1))
    )


def p(v, i):
    return softmax(v.z)[i - 1]


def L(y, z):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def ysm(v, n):
    return [(1 - v.eps) * t + v.eps / n for t in v.t]


ks = lambda n: range(1, n + 1)
I = ("i",)
K = ("k",)

STEPS = [
    Step(10, 7, kind="definition"),
    Step(15, 5, kind="definition"),
    Step(
        15,
        36,
        lhs=lambda v, n: L(v.y, v.z),
        rhs=lambda v, n: (
            -sum(v.y[k] * v.z[k] for k in range(n)) + sum(v.y) * mp.log(sum(mp.exp(t) for t in v.z))
        ),
    ),
    Step(
        19,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: L(v.y, z), v.z, i),
        rhs=lambda v, n, i: -v.y[i - 1] + sum(v.y) * p(v, i),
    ),
    Step(
        19,
        80,
        indices=I,
        lhs=lambda v, n, i: -v.y[i - 1] + sum(v.y) * p(v, i),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
        note="uses that y is on the simplex (stated)",
    ),
    Step(27, 7, kind="definition"),
    Step(
        31,
        35,
        indices=K,
        lhs=lambda v, n, k: d(lambda z: L(ysm(v, n), z), v.z, k),
        rhs=lambda v, n, k: p(v, k) - ysm(v, n)[k - 1],
    ),
    Step(
        31,
        47,
        indices=K,
        lhs=lambda v, n, k: p(v, k) - ysm(v, n)[k - 1],
        rhs=lambda v, n, k: p(v, k) - (1 - v.eps) * v.t[k - 1] + v.eps / n,
        note="planted: the sign of eps/K",
    ),
]
