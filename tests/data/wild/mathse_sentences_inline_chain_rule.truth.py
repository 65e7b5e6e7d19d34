import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# a math.SE-style answer written in sentences: each step is inline math after "we have",
# "thus", "this is $= …$" (going on from the display above it), "we get"; the target is
# one-hot. Planted: the diagonal entry of the Jacobian written y_j (1 + y_j). Not steps: the
# inline definitions of y and L, and "setting ∂L/∂x_j = 0" (an equation to solve).


def sample(rng, n):
    return Point(x=reals(rng, n), t=one_hot(rng, n))


def loss(v, x):
    y = softmax(x)
    return -sum(v.t[k] * mp.log(y[k]) for k in range(len(x)))


def y(v, k):
    return softmax(v.x)[k - 1]


def dy(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def dL(v, j):
    return d(lambda x: loss(v, x), v.x, j)


def ks(n):
    return range(1, n + 1)


def big(v):
    return sum(mp.exp(x) for x in v.x)


STEPS = [
    Step(1, 12, kind="definition"),
    Step(1, 83, kind="definition"),
    Step(
        3,
        42,
        lhs=lambda v, n, j: dL(v, j),
        rhs=lambda v, n, j: -sum(v.t[i - 1] / y(v, i) * dy(v, i, j) for i in ks(n)),
        indices=("j",),
    ),
    Step(
        7,
        37,
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: (
            (delta(i, j) * mp.exp(v.x[i - 1]) * big(v) - mp.exp(v.x[i - 1]) * mp.exp(v.x[j - 1]))
            / big(v) ** 2
        ),
        indices=("i", "j"),
    ),
    Step(
        9,
        55,
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: y(v, i) * (delta(i, j) - y(v, j)),
        indices=("i", "j"),
    ),
    Step(
        11,
        46,
        lhs=lambda v, n, i, j: d(lambda x: mp.log(softmax(x)[i - 1]), v.x, j),
        rhs=lambda v, n, i, j: delta(i, j) - y(v, j),
        indices=("i", "j"),
    ),
    Step(
        13,
        100,
        lhs=lambda v, n, j: dL(v, j),
        rhs=lambda v, n, j: -sum(v.t[i - 1] * (delta(i, j) - y(v, j)) for i in ks(n)),
        indices=("j",),
    ),
    Step(
        13,
        134,
        lhs=lambda v, n, j: -sum(v.t[i - 1] * (delta(i, j) - y(v, j)) for i in ks(n)),
        rhs=lambda v, n, j: y(v, j) - v.t[j - 1],
        indices=("j",),
    ),
    Step(
        15,
        64,
        lhs=lambda v, n, j: dy(v, j, j),
        rhs=lambda v, n, j: y(v, j) * (1 + y(v, j)),
        indices=("j",),
        note="planted: the diagonal entry is y_j (1 - y_j)",
    ),
]
