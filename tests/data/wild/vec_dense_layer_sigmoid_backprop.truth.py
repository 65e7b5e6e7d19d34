from truth import Point, Step, d, reals, sigmoid
from truth_linalg import dmat, matrix

# One dense layer z = Wx + b, a = sigma(z) entry by entry, L = 1/2 sum_i (a_i - t_i)^2 (W square:
# as many inputs as units). The weight gradient is written with x_i for x_j: true only at i = j.


def sample(rng, n):
    return Point(W=matrix(rng, n, n), x=reals(rng, n), b=reals(rng, n), t=reals(rng, n))


def acts(W, x, b):
    return [sigmoid(sum(W[r][c] * x[c] for c in range(len(x))) + b[r]) for r in range(len(b))]


def loss(W, x, b, t):
    return sum((a - y) ** 2 for a, y in zip(acts(W, x, b), t, strict=True)) / 2


def a(v, i):
    return acts(v.W, v.x, v.b)[i - 1]


def back(v, i):
    return (a(v, i) - v.t[i - 1]) * a(v, i) * (1 - a(v, i))


def by_z(v, i):
    """∂L/∂z_i: L as a function of the pre-activations."""
    z = [sum(v.W[r][c] * v.x[c] for c in range(len(v.x))) + v.b[r] for r in range(len(v.b))]
    return d(lambda zz: sum((sigmoid(q) - y) ** 2 for q, y in zip(zz, v.t, strict=True)) / 2, z, i)


I = ("i",)
IJ = ("i", "j")
STEPS = [
    Step(3, 21, kind="definition"),
    Step(3, 38, kind="definition"),
    Step(3, 90, kind="definition"),
    Step(
        5,
        35,
        indices=I,
        lhs=lambda v, n, i: d(
            lambda aa: sum((p - y) ** 2 for p, y in zip(aa, v.t, strict=True)) / 2,
            acts(v.W, v.x, v.b),
            i,
        ),
        rhs=lambda v, n, i: a(v, i) - v.t[i - 1],
    ),
    Step(7, 35, indices=I, lhs=lambda v, n, i: by_z(v, i), rhs=lambda v, n, i: back(v, i)),
    Step(
        9,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda b: loss(v.W, v.x, b, v.t), v.b, i),
        rhs=lambda v, n, i: back(v, i),
    ),
    Step(
        11,
        38,
        indices=IJ,
        lhs=lambda v, n, i, j: dmat(lambda W: loss(W, v.x, v.b, v.t), v.W, i, j),
        rhs=lambda v, n, i, j: back(v, i) * v.x[i - 1],
    ),
    Step(
        13,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda x: loss(v.W, x, v.b, v.t), v.x, j),
        rhs=lambda v, n, j: sum(v.W[i - 1][j - 1] * back(v, i) for i in range(1, n + 1)),
    ),
]
