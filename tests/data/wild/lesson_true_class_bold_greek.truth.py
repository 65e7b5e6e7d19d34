import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def pi(v, k):
    return softmax(v.z)[k - 1]


def loss(z, c):  # the loss of the true class c: -log pi_c (y is one-hot at c)
    return -mp.log(softmax(z)[c - 1])


def grad(v, c, j):
    return d(lambda z: loss(z, c), v.z, j)


CJ = ("c", "j")

STEPS = [
    Step(11, 15, kind="definition"),
    Step(11, 38, kind="definition", note="sigma(z)_k names the same softmax entry"),
    Step(15, 15, kind="definition"),
    Step(
        15,
        35,
        indices=("c",),
        lhs=lambda v, n, c: -mp.log(pi(v, c)),
        rhs=lambda v, n, c: -sum(delta(k, c) * mp.log(pi(v, k)) for k in range(1, n + 1)),
    ),
    Step(
        19,
        45,
        indices=("k", "j"),
        lhs=lambda v, n, k, j: d(lambda z: softmax(z)[k - 1], v.z, j),
        rhs=lambda v, n, k, j: pi(v, k) * (delta(k, j) - pi(v, j)),
    ),
    Step(
        25,
        45,
        indices=CJ,
        lhs=lambda v, n, c, j: grad(v, c, j),
        rhs=lambda v, n, c, j: -d(lambda z: softmax(z)[c - 1], v.z, j) / pi(v, c),
    ),
    Step(
        25,
        112,
        indices=CJ,
        lhs=lambda v, n, c, j: -d(lambda z: softmax(z)[c - 1], v.z, j) / pi(v, c),
        rhs=lambda v, n, c, j: -(delta(c, j) - pi(v, j)),
    ),
    Step(
        25,
        143,
        indices=CJ,
        lhs=lambda v, n, c, j: -(delta(c, j) - pi(v, j)),
        rhs=lambda v, n, c, j: pi(v, j) - delta(j, c),
    ),
    Step(
        25,
        172,
        indices=CJ,
        lhs=lambda v, n, c, j: pi(v, j) - delta(j, c),
        rhs=lambda v, n, c, j: pi(v, j) - delta(j, c),  # y_j: one-hot at the true class c
    ),
    Step(
        29,
        52,
        indices=("c", "r"),
        lhs=lambda v, n, c, r: grad(v, c, r),
        rhs=lambda v, n, c, r: pi(v, r) - delta(r, c),
    ),
    Step(
        33,
        45,
        indices=CJ,
        lhs=lambda v, n, c, j: grad(v, c, j),
        rhs=lambda v, n, c, j: pi(v, j) + delta(j, c),
        note="planted: the indicator's sign",
    ),
    Step(37, 21, kind="definition", note="a new name for the regularized objective"),
]
