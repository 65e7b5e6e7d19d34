import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def loss(z, y):
    return -sum(yk * mp.log(pk) for yk, pk in zip(y, softmax(z)))


def dL(v, i):
    return d(lambda z: loss(z, v.y), v.z, i)


def off(v, n, i):  # the sum over j != i of y_j
    return sum(v.y[j - 1] for j in range(1, n + 1) if j != i)


def written_9(v, n, i):
    return -v.y[i - 1] + v.y[i - 1] * p(v, i) - p(v, i) * off(v, n, i)


def written_10(v, n, i):
    return -v.y[i - 1] + v.y[i - 1] * p(v, i) - p(v, i) * (1 - v.y[i - 1])


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(8, 36, kind="hypothesis"),
    Step(11, 53, kind="definition"),
    Step(15, 3, kind="definition"),
    Step(
        21,
        52,
        indices=I,
        lhs=lambda v, n, i: d(
            lambda q: -sum(yk * mp.log(qk) for yk, qk in zip(v.y, q)), softmax(v.z), i
        ),
        rhs=lambda v, n, i: -v.y[i - 1] / p(v, i),
    ),
    Step(
        25,
        55,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: softmax(z)[i - 1], v.z, i),
        rhs=lambda v, n, i: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        29,
        55,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: d(lambda z: softmax(z)[j - 1], v.z, i),
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
        note="planted: the minus sign dropped",
    ),
    Step(
        35,
        33,
        indices=I,
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: (
            (-v.y[i - 1] / p(v, i)) * p(v, i) * (1 - p(v, i))
            + sum((-v.y[j - 1] / p(v, j)) * (-p(v, j) * p(v, i)) for j in range(1, n + 1) if j != i)
        ),
    ),
    Step(
        43,
        75,
        indices=I,
        lhs=lambda v, n, i: (-v.y[i - 1] / p(v, i)) * p(v, i) * (1 - p(v, i)),
        rhs=lambda v, n, i: -v.y[i - 1] + v.y[i - 1] * p(v, i),
    ),
    Step(
        49,
        75,
        indices=IJ,
        lhs=lambda v, n, i, j: (-v.y[j - 1] / p(v, j)) * (-p(v, j) * p(v, i)),
        rhs=lambda v, n, i, j: v.y[j - 1] * p(v, i),
    ),
    Step(
        55,
        1,
        indices=I,
        lhs=lambda v, n, i: dL(v, i),
        rhs=written_9,
        note="planted: the off-diagonal sum's sign, after two side computations",
    ),
    Step(59, 1, indices=I, lhs=written_9, rhs=written_10),
    Step(
        63,
        1,
        indices=I,
        lhs=written_10,
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
        note="the right result, but not from the slipped row above",
    ),
]
