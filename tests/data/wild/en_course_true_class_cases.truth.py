import mpmath as mp
from truth import Point, Step, d, reals, softmax

# L = -log σ_c for the true class c; the cases "For $j = c$ (diagonal):" and "For $j \neq c$
# (off-diagonal):" are said before their displays. The true class is the index c of the
# transcription. Planted: the off-diagonal case ends in -σ_j, a sign slip (it is σ_j).


def sample(rng, n):
    return Point(z=reals(rng, n))


def s(v, k):
    return softmax(v.z)[k - 1]


def dL(v, c, j):
    return d(lambda z: -mp.log(softmax(z)[c - 1]), v.z, j)


def ds(v, c, j):
    return d(lambda z: softmax(z)[c - 1], v.z, j)


def y(c, j):
    return 1 if j == c else 0


CJ = ("c", "j")

STEPS = [
    Step(4, 11, kind="definition"),
    Step(7, 15, kind="definition"),
    Step(
        11,
        45,
        indices=CJ,
        lhs=lambda v, n, c, j: dL(v, c, j),
        rhs=lambda v, n, c, j: -1 / s(v, c) * ds(v, c, j),
    ),
    Step(
        17,
        45,
        indices=CJ,
        case="c = j",
        lhs=lambda v, n, c, j: dL(v, c, j),
        rhs=lambda v, n, c, j: -1 / s(v, c) * s(v, c) * (1 - s(v, j)),
    ),
    Step(
        17,
        91,
        indices=CJ,
        case="c = j",
        lhs=lambda v, n, c, j: -1 / s(v, c) * s(v, c) * (1 - s(v, j)),
        rhs=lambda v, n, c, j: s(v, j) - 1,
    ),
    Step(
        21,
        45,
        indices=CJ,
        case="c != j",
        lhs=lambda v, n, c, j: dL(v, c, j),
        rhs=lambda v, n, c, j: -1 / s(v, c) * (-s(v, c) * s(v, j)),
    ),
    Step(
        21,
        88,
        indices=CJ,
        case="c != j",
        lhs=lambda v, n, c, j: -1 / s(v, c) * (-s(v, c) * s(v, j)),
        rhs=lambda v, n, c, j: -s(v, j),
        note="planted: -(1/σ_c)(-σ_c σ_j) written as -σ_j",
    ),
    Step(23, 54, kind="definition"),
    Step(
        26,
        45,
        indices=CJ,
        lhs=lambda v, n, c, j: dL(v, c, j),
        rhs=lambda v, n, c, j: s(v, j) - y(c, j),
    ),
]
