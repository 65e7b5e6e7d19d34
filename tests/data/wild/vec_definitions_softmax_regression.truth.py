import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n), T=mp.mpf(rng.uniform(0.5, 3)), c=reals(rng, 1))


def probs(o, t):
    return softmax([u / t for u in o])


def loss(v, o):
    p = probs(o, v.T)
    return -sum(y * mp.log(q) for y, q in zip(v.y, p, strict=True))


def jac(v, n, r, c):
    return d(lambda o: probs(o, v.T)[r - 1], v.o, c)


def p(v, r):
    return probs(v.o, v.T)[r - 1]


RC = ("r", "c")

STEPS = [
    Step(13, 12, kind="definition"),
    Step(19, 3, kind="definition"),
    Step(27, 28, lhs=lambda v, n: sum(probs(v.o, v.T)), rhs=lambda v, n: 1),
    Step(
        33,
        109,
        indices=("r",),
        lhs=lambda v, n, r: probs([u + v.c[0] for u in v.o], v.T)[r - 1],
        rhs=lambda v, n, r: p(v, r),
    ),
    Step(
        42,
        49,
        indices=RC,
        lhs=jac,
        rhs=lambda v, n, r, c: (delta(r, c) * p(v, r) - p(v, r) * p(v, c)) / v.T,
    ),
    # the slide's Jacobian without the temperature: wrong for T != 1
    Step(
        48,
        49,
        indices=RC,
        lhs=jac,
        rhs=lambda v, n, r, c: delta(r, c) * p(v, r) - p(v, r) * p(v, c),
    ),
    Step(
        56,
        33,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda o: loss(v, o), v.o, j),
        rhs=lambda v, n, j: (p(v, j) - v.y[j - 1]) / v.T,
    ),
    Step(
        62,
        23,
        indices=("r",),
        lhs=lambda v, n, r: d(lambda o: loss(v, o), v.o, r),
        rhs=lambda v, n, r: (p(v, r) - v.y[r - 1]) / v.T,
    ),
    # the target first: the sign of the gradient flipped
    Step(
        68,
        23,
        indices=("r",),
        lhs=lambda v, n, r: d(lambda o: loss(v, o), v.o, r),
        rhs=lambda v, n, r: (v.y[r - 1] - p(v, r)) / v.T,
    ),
]
