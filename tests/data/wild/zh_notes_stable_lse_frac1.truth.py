import mpmath as mp
from truth import Point, Step, logsumexp, reals, sigmoid


def sample(rng, n):
    return Point(x=reals(rng, n, 5.0), t=mp.mpf(rng.uniform(-3, 3)))


def shifted(x, sign):
    b = max(x)
    return mp.log(sum(mp.exp(t - b) for t in x)) + sign * b


STEPS = [
    Step(6, 34, kind="definition"),
    Step(13, 21, lhs=lambda v, n: logsumexp(v.x), rhs=lambda v, n: shifted(v.x, 1)),
    Step(
        18,
        21,
        lhs=lambda v, n: logsumexp(v.x),
        rhs=lambda v, n: shifted(v.x, -1),
        note="planted: the maximum added back with the wrong sign",
    ),
    Step(24, 10, lhs=lambda v, n: sigmoid(v.t), rhs=lambda v, n: 1 / (1 + mp.exp(-v.t))),
    Step(
        29,
        19,
        lhs=lambda v, n: 1 / (1 + mp.exp(-v.t)),
        rhs=lambda v, n: mp.exp(v.t) / (mp.exp(v.t) + 1),
    ),
    Step(35, 26, lhs=lambda v, n: logsumexp(v.x), rhs=lambda v, n: logsumexp(v.x)),
    Step(
        40,
        79,
        lhs=lambda v, n: mp.exp(v.x[1]),
        rhs=lambda v, n: mp.exp(v.x[0]),
        note="planted: the derivative by x_2 keeps the second term, not the first",
    ),
]
