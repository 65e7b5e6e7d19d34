import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# p is the softmax of o and y is one-hot (stated); "if the true class is c" makes y one-hot at
# c. The example: o = (0, log 2, log 5), true class 3, so y = (0, 0, 1).


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n))


def p(o, i):
    return softmax(o)[i - 1]


def L(y, o):
    return -sum(y[k] * mp.log(softmax(o)[k]) for k in range(len(o)))


def at(n, c):
    return [mp.mpf(1) if k == c else mp.mpf(0) for k in range(1, n + 1)]


EXAMPLE = [mp.mpf(0), mp.log(2), mp.log(5)]
TRUE = [mp.mpf(0), mp.mpf(0), mp.mpf(1)]
KI = ("k", "i")
I = ("i",)

STEPS = [
    Step(
        11,
        37,
        indices=KI,
        lhs=lambda v, n, k, i: d(lambda o: p(o, k), v.o, i),
        rhs=lambda v, n, k, i: p(v.o, k) * (delta(k, i) - p(v.o, i)),
    ),
    Step(
        15,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda o: L(v.y, o), v.o, i),
        rhs=lambda v, n, i: (
            -sum(v.y[k - 1] / p(v.o, k) * d(lambda o: p(o, k), v.o, i) for k in range(1, n + 1))
        ),
    ),
    Step(
        15,
        103,
        indices=I,
        lhs=lambda v, n, i: (
            -sum(v.y[k - 1] / p(v.o, k) * d(lambda o: p(o, k), v.o, i) for k in range(1, n + 1))
        ),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v.o, i)) for k in range(1, n + 1)),
    ),
    Step(
        15,
        145,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v.o, i)) for k in range(1, n + 1)),
        rhs=lambda v, n, i: p(v.o, i) - v.y[i - 1],
        note="uses that y is one-hot (stated)",
    ),
    Step(
        19,
        5,
        indices=("c",),
        lhs=lambda v, n, c: L(at(n, c), v.o),
        rhs=lambda v, n, c: -mp.log(p(v.o, c)),
        note="y one-hot at the true class c (stated in the sentence before)",
    ),
    Step(
        23,
        35,
        indices=("i", "c"),
        lhs=lambda v, n, i, c: d(lambda o: L(at(n, c), o), v.o, i),
        rhs=lambda v, n, i, c: p(v.o, i) - delta(i, c),
    ),
    Step(30, 5, lhs=lambda v, n: L(TRUE, EXAMPLE), rhs=lambda v, n: -mp.log(p(EXAMPLE, 3))),
    Step(34, 7, lhs=lambda v, n: p(EXAMPLE, 1), rhs=lambda v, n: mp.mpf(1) / 8),
    Step(34, 32, lhs=lambda v, n: p(EXAMPLE, 2), rhs=lambda v, n: mp.mpf(2) / 8),
    Step(34, 57, lhs=lambda v, n: p(EXAMPLE, 3), rhs=lambda v, n: mp.mpf(5) / 8),
    Step(
        38,
        35,
        lhs=lambda v, n: d(lambda o: L(TRUE, o), EXAMPLE, 3),
        rhs=lambda v, n: p(EXAMPLE, 3) - 1,
    ),
    Step(
        38,
        45,
        lhs=lambda v, n: p(EXAMPLE, 3) - 1,
        rhs=lambda v, n: -mp.mpf(5) / 8,
        note="planted: -3/8 is right",
    ),
    Step(
        42,
        35,
        lhs=lambda v, n: d(lambda o: L(TRUE, o), EXAMPLE, 1),
        rhs=lambda v, n: p(EXAMPLE, 1),
    ),
    Step(42, 41, lhs=lambda v, n: p(EXAMPLE, 1), rhs=lambda v, n: mp.mpf(1) / 8),
]
