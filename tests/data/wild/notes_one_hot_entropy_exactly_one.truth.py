import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# lecture notes: "exactly one of the $y_k$ is 1 (the rest are 0)", and 0 log 0 = 0 by the
# convention the notes state; planted: the sign of the gradient flipped


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n))


def xlogx(x):
    return 0 if x == 0 else x * mp.log(x)


def p(v):
    return softmax(v.o)


def L(v, o=None):
    return -sum(yk * mp.log(pk) for yk, pk in zip(v.y, softmax(v.o if o is None else o)))


def kl(v):
    return sum(0 if yk == 0 else yk * mp.log(yk / pk) for yk, pk in zip(v.y, p(v)))


def split(v):
    return sum(xlogx(yk) for yk in v.y) - sum(yk * mp.log(pk) for yk, pk in zip(v.y, p(v)))


J = ("j",)

STEPS = [
    Step(10, 29, lhs=lambda v, n: sum(xlogx(yk) for yk in v.y), rhs=lambda v, n: 0),
    Step(17, 50, lhs=lambda v, n: kl(v), rhs=lambda v, n: split(v)),
    Step(17, 101, lhs=lambda v, n: split(v), rhs=lambda v, n: L(v)),
    Step(
        23,
        33,
        indices=J,
        lhs=lambda v, n, j: d(lambda o: L(v, o), v.o, j),
        rhs=lambda v, n, j: -v.y[j - 1] + p(v)[j - 1] * sum(v.y),
    ),
    Step(
        23,
        65,
        indices=J,
        lhs=lambda v, n, j: -v.y[j - 1] + p(v)[j - 1] * sum(v.y),
        rhs=lambda v, n, j: p(v)[j - 1] - v.y[j - 1],
    ),
    Step(
        29,
        33,
        indices=J,
        lhs=lambda v, n, j: d(lambda o: L(v, o), v.o, j),
        rhs=lambda v, n, j: v.y[j - 1] - p(v)[j - 1],
        note="planted: the sign flipped",
    ),
]
