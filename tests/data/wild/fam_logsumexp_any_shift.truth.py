import mpmath as mp
from truth import Point, Step, reals, softmax


def sample(rng, n):
    # "for an arbitrary number b": any real; later b is the maximum
    return Point(x=reals(rng, n, 5.0), b=mp.mpf(rng.uniform(-4, 4)))


def lse(x):
    return mp.log(sum(mp.exp(t) for t in x))


def shifted(x, b):
    return mp.log(sum(mp.exp(t - b) for t in x))


STEPS = [
    Step(6, 5, kind="definition"),
    Step(10, 35, lhs=lambda v, n: lse(v.x), rhs=lambda v, n: v.b + shifted(v.x, v.b)),
    Step(
        14,
        35,
        lhs=lambda v, n: lse(v.x),
        rhs=lambda v, n: mp.log(mp.exp(v.b) * sum(mp.exp(t - v.b) for t in v.x)),
    ),
    Step(
        14,
        91,
        lhs=lambda v, n: mp.log(mp.exp(v.b) * sum(mp.exp(t - v.b) for t in v.x)),
        rhs=lambda v, n: mp.log(mp.exp(v.b)) + shifted(v.x, v.b),
    ),
    Step(
        14,
        142,
        lhs=lambda v, n: mp.log(mp.exp(v.b)) + shifted(v.x, v.b),
        rhs=lambda v, n: v.b + shifted(v.x, v.b),
    ),
    Step(18, 5, kind="definition"),
    Step(
        23,
        34,
        indices=("k",),
        lhs=lambda v, n, k: softmax(v.x)[k - 1],
        rhs=lambda v, n, k: mp.exp(v.x[k - 1] - max(v.x)) / sum(mp.exp(t - max(v.x)) for t in v.x),
    ),
]
