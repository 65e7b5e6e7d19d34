import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# a softmax/cross-entropy post: the Jacobian's two cases in a table whose column headers are
# the index cases, the gradient by the chain rule, then an example whose values are said in
# words ("the true class is the first one", "the first output is 0.7"). Planted: the second
# score's gradient written p_2 - 1 (the second class is not the true one: it is p_2).


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def loss(z, y):
    return -sum(t * mp.log(p) for t, p in zip(y, softmax(z), strict=True))


def first(n):
    return [1 if k == 0 else 0 for k in range(n)]


def const(x):
    return lambda v, n: x


IJ = ("i", "j")
SIZES = (2, 3, 4)

STEPS = [
    Step(5, 7, kind="definition"),
    Step(9, 5, kind="definition"),
    Step(
        17,
        70,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: d(lambda z: softmax(z)[i - 1], v.z, j),
        rhs=lambda v, n, i, j: softmax(v.z)[i - 1] * (1 - softmax(v.z)[i - 1]),
    ),
    Step(
        17,
        123,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: d(lambda z: softmax(z)[i - 1], v.z, j),
        rhs=lambda v, n, i, j: -softmax(v.z)[i - 1] * softmax(v.z)[j - 1],
    ),
    Step(
        21,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(z, v.y), v.z, j),
        rhs=lambda v, n, j: (
            -sum(v.y[i] / softmax(v.z)[i] * d(lambda z: softmax(z)[i], v.z, j) for i in range(n))
        ),
    ),
    Step(
        21,
        95,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(z, v.y), v.z, j),
        rhs=lambda v, n, j: softmax(v.z)[j - 1] * sum(v.y) - v.y[j - 1],
    ),
    Step(
        21,
        118,
        indices=("j",),
        lhs=lambda v, n, j: softmax(v.z)[j - 1] * sum(v.y) - v.y[j - 1],
        rhs=lambda v, n, j: softmax(v.z)[j - 1] - v.y[j - 1],
        note="one-hot y: sums to one",
    ),
    Step(
        28,
        5,
        lhs=const(-mp.log(mp.mpf("0.7"))),
        rhs=const(-mp.log(mp.mpf("0.7"))),
        note="the example's p_1 = 0.7, said in words",
    ),
    Step(
        32,
        35,
        lhs=lambda v, n: d(lambda z: loss(z, first(n)), v.z, 1),
        rhs=lambda v, n: softmax(v.z)[0] - 1,
        note="the true class is the first",
    ),
    Step(32, 45, lhs=const(mp.mpf("-0.3")), rhs=const(mp.mpf("-0.3")), note="p_1 = 0.7"),
    Step(
        36,
        35,
        lhs=lambda v, n: d(lambda z: loss(z, first(n)), v.z, 2),
        rhs=lambda v, n: softmax(v.z)[1] - 1,
        note="planted: the second class is not the true one, the gradient is p_2",
    ),
    Step(36, 45, lhs=const(mp.mpf("-0.8")), rhs=const(mp.mpf("-0.8")), note="p_2 = 0.2"),
]
