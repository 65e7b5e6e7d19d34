import mpmath as mp
from truth import Point, Step, d, delta, dscalar, one_hot, reals, sigmoid, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n), x=mp.mpf(rng.uniform(-2, 2)))


def loss(z, y):
    return -sum(yk * mp.log(pk) for yk, pk in zip(y, softmax(z)))


IJ = ("i", "j")

STEPS = [
    Step(3, 47, kind="definition"),
    Step(4, 9, kind="definition"),
    Step(10, 24, kind="definition"),
    Step(
        10,
        62,
        lhs=lambda v, n: dscalar(sigmoid, v.x),
        rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
    ),
    Step(
        11,
        20,
        lhs=lambda v, n: mp.tanh(v.x),
        rhs=lambda v, n: (mp.exp(v.x) - mp.exp(-v.x)) / (mp.exp(v.x) + mp.exp(-v.x)),
    ),
    Step(
        11,
        70,
        lhs=lambda v, n: dscalar(mp.tanh, v.x),
        rhs=lambda v, n: 1 + mp.tanh(v.x) ** 2,
        note="planted: the sign of tanh^2",
    ),
    Step(17, 18, kind="definition"),
    Step(
        17,
        97,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: softmax(z)[i - 1], v.z, j),
        rhs=lambda v, n, i, j: softmax(v.z)[i - 1] * (delta(i, j) - softmax(v.z)[j - 1]),
    ),
    Step(
        18,
        27,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(softmax(v.z)[i - 1]),
        rhs=lambda v, n, i: v.z[i - 1] - mp.log(sum(mp.exp(t) for t in v.z)),
    ),
    Step(
        18,
        105,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda z: mp.log(softmax(z)[i - 1]), v.z, j),
        rhs=lambda v, n, i, j: delta(i, j) - softmax(v.z)[j - 1],
    ),
    Step(19, 22, kind="definition"),
    Step(
        19,
        89,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: loss(z, v.y), v.z, i),
        rhs=lambda v, n, i: v.y[i - 1] - softmax(v.z)[i - 1],
        note="planted: the gradient's sign flipped",
    ),
    # 25:64 is the "Wrong" column of a table of slips: a mention, no step
    Step(
        25,
        119,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: loss(z, v.y), v.z, i),
        rhs=lambda v, n, i: softmax(v.z)[i - 1] - v.y[i - 1],
    ),
]
