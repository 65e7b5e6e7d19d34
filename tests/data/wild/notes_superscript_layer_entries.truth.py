import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, softmax

# Y_out^{(j)}: the softmax output of class j; Z_3^{(i)}: the logit of class i (layer 3);
# S the sum of the exponentials. The last bullet plants a swapped index (Y^{(j)} for Y^{(i)}).


def sample(rng, n):
    # z: the logits; x, a, b: a point and two functions for the quotient rule of the appendix
    x, a, b = reals(rng, 3)
    return Point(z=reals(rng, n), x=x, a=a, b=b)


def f(v, x):
    return mp.sin(v.a * x) + 2


def g(v, x):
    return mp.exp(v.b * x) + x**2 + 1


def S(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


def Y(v, k):
    return softmax(v.z)[k - 1]


def dY(v, j, i):
    return d(lambda z: softmax(z)[j - 1], v.z, i)


IJ = ("i", "j")

STEPS = [
    Step(6, 22, kind="definition"),
    Step(
        16,
        58,
        indices=IJ,
        lhs=lambda v, n, i, j: dY(v, j, i),
        rhs=lambda v, n, i, j: (e(v, j) * delta(i, j) * S(v) - e(v, j) * e(v, i)) / S(v) ** 2,
    ),
    Step(
        22,
        58,
        indices=IJ,
        lhs=lambda v, n, i, j: dY(v, j, i),
        rhs=lambda v, n, i, j: e(v, j) / S(v) * (delta(i, j) - e(v, i) / S(v)),
    ),
    Step(
        22,
        137,
        indices=IJ,
        lhs=lambda v, n, i, j: e(v, j) / S(v) * (delta(i, j) - e(v, i) / S(v)),
        rhs=lambda v, n, i, j: Y(v, j) * (delta(i, j) - Y(v, i)),
    ),
    Step(
        28,
        60,
        indices=("j",),
        lhs=lambda v, n, j: dY(v, j, j),
        rhs=lambda v, n, j: Y(v, j) * (1 - Y(v, j)),
    ),
    Step(
        34,
        60,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dY(v, j, i),
        rhs=lambda v, n, i, j: -Y(v, j) * Y(v, j),
        note="planted: Y^{(j)} written for Y^{(i)} in the off-diagonal entry",
    ),
    Step(
        42,
        47,
        lhs=lambda v, n: dscalar(lambda x: f(v, x) / g(v, x), v.x),
        rhs=lambda v, n: (
            (
                dscalar(lambda x: f(v, x), v.x) * g(v, v.x)
                - f(v, v.x) * dscalar(lambda x: g(v, x), v.x)
            )
            / g(v, v.x) ** 2
        ),
    ),
]
