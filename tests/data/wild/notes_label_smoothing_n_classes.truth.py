import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    # "The target y is one-hot"; epsilon is a smoothing weight in (0, 1)
    return Point(z=reals(rng, n), y=one_hot(rng, n), eps=mp.mpf(rng.uniform(0.05, 0.5)))


def q(v, n):
    return [(1 - v.eps) * yk + v.eps / n for yk in v.y]


def loss(v, n):
    return lambda z: -sum(qk * mp.log(pk) for qk, pk in zip(q(v, n), softmax(z)))


def split(v, n):
    p = softmax(v.z)
    usual = -sum(yk * mp.log(pk) for yk, pk in zip(v.y, p))
    return (1 - v.eps) * usual - v.eps / n * sum(mp.log(pk) for pk in p)


def grad(v, n, i):
    return d(loss(v, n), v.z, i)


STEPS = [
    Step(8, 5, kind="definition"),
    Step(12, 5, lhs=lambda v, n: loss(v, n)(v.z), rhs=split),
    Step(16, 22, lhs=lambda v, n: sum(q(v, n)), rhs=lambda v, n: (1 - v.eps) * sum(v.y) + v.eps),
    Step(16, 69, lhs=lambda v, n: (1 - v.eps) * sum(v.y) + v.eps, rhs=lambda v, n: 1),
    Step(
        20,
        35,
        indices=("i",),
        lhs=grad,
        rhs=lambda v, n, i: softmax(v.z)[i - 1] - q(v, n)[i - 1],
    ),
    Step(
        20,
        47,
        indices=("i",),
        lhs=lambda v, n, i: softmax(v.z)[i - 1] - q(v, n)[i - 1],
        rhs=lambda v, n, i: softmax(v.z)[i - 1] - (1 - v.eps) * v.y[i - 1] - v.eps / n,
    ),
    Step(
        24,
        35,
        indices=("i",),
        lhs=grad,
        rhs=lambda v, n, i: softmax(v.z)[i - 1] - (1 - v.eps) * v.y[i - 1] - v.eps,
        note="planted: the uniform part eps instead of eps / n",
    ),
]
