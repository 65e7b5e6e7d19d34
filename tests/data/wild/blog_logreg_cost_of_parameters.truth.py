import mpmath as mp
from truth import Point, Step, reals

# a logistic-regression post: the cost written J(w_1, w_2, b), a function of its parameters,
# split into sums; planted: the sign of the sum of y_i z_i


def sample(rng, n):
    return Point(z=reals(rng, n), y=[mp.mpf(rng.uniform(0, 1)) for _ in range(n)])


def mean(values):
    return sum(values) / len(values)


def cost(v):
    return mean([mp.log(1 + mp.exp(-z)) + (1 - y) * z for z, y in zip(v.z, v.y, strict=True)])


def split(v):
    return mean([mp.log(1 + mp.exp(-z)) for z in v.z]) + mean(
        [(1 - y) * z for z, y in zip(v.z, v.y, strict=True)]
    )


STEPS = [
    Step(7, 17, kind="definition"),
    Step(8, 2, lhs=lambda v, n: cost(v), rhs=lambda v, n: split(v)),
    Step(
        15,
        16,
        lhs=lambda v, n: cost(v),
        rhs=lambda v, n: (
            mean([mp.log(1 + mp.exp(-z)) for z in v.z])
            + mean(v.z)
            + mean([y * z for z, y in zip(v.z, v.y, strict=True)])
        ),
        note="planted: + sum y_i z_i where it is minus",
    ),
]
