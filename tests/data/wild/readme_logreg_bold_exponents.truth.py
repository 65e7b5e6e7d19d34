import mpmath as mp
from truth import Point, Step, reals, sigmoid

# Any vectors x, w (size n) and a scalar b; u = w^T x + b. Planted: the slope of the sigmoid
# written without the square of its denominator.


def sample(rng, n):
    return Point(x=reals(rng, n), w=reals(rng, n), b=mp.mpf(rng.uniform(-2, 2)))


def u(v):
    return sum(a * c for a, c in zip(v.w, v.x, strict=True)) + v.b


STEPS = [
    Step(5, 39, lhs=lambda v, n: sigmoid(u(v)), rhs=lambda v, n: 1 / (1 + mp.exp(-u(v)))),
    Step(
        9,
        43,
        lhs=lambda v, n: 1 - sigmoid(u(v)),
        rhs=lambda v, n: mp.exp(-u(v)) / (1 + mp.exp(-u(v))),
    ),
    Step(
        9,
        127,
        lhs=lambda v, n: mp.exp(-u(v)) / (1 + mp.exp(-u(v))),
        rhs=lambda v, n: 1 / (1 + mp.exp(u(v))),
    ),
    Step(
        13,
        92,
        lhs=lambda v, n: sigmoid(u(v)) * (1 - sigmoid(u(v))),
        rhs=lambda v, n: mp.exp(-u(v)) / (1 + mp.exp(-u(v))),
        note="planted: the denominator is squared",
    ),
    Step(
        17,
        92,
        lhs=lambda v, n: mp.log(sigmoid(u(v)) / (1 - sigmoid(u(v)))),
        rhs=lambda v, n: u(v),
    ),
]
