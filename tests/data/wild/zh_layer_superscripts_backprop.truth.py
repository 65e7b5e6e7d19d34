"""Two-layer network with the layer written as a superscript before the index: w^1_{i,j} is the
weight of layer 1 from input i to hidden unit j (N inputs, N hidden units, N outputs)."""

import mpmath as mp
from truth import Point, Step, dscalar, reals, sigmoid


def sample(rng, n):
    return Point(
        x0=reals(rng, n),
        w1=[reals(rng, n) for _ in range(n)],
        b1=reals(rng, n),
        w2=[reals(rng, n) for _ in range(n)],
        b2=reals(rng, n),
    )


def a1(v, j):
    return sum(v.x0[i] * v.w1[i][j - 1] for i in range(len(v.x0))) + v.b1[j - 1]


def x1(v, j):
    return sigmoid(a1(v, j))


def a2(v, k):
    return sum(x1(v, j + 1) * v.w2[j][k - 1] for j in range(len(v.x0))) + v.b2[k - 1]


def moved(v, name, at, t):
    """The point v with the parameter name[at] set to t."""
    copy = Point(
        {key: [list(r) if isinstance(r, list) else r for r in val] for key, val in v.items()}
    )
    if len(at) == 2:
        copy[name][at[0] - 1][at[1] - 1] = t
    else:
        copy[name][at[0] - 1] = t
    return copy


def by(f, v, name, *at):
    """∂f/∂name[at] at v."""
    value = v[name][at[0] - 1][at[1] - 1] if len(at) == 2 else v[name][at[0] - 1]
    return dscalar(lambda t: f(moved(v, name, at, t)), value)


def sp(v, j):
    return x1(v, j) * (1 - x1(v, j))


STEPS = [
    Step(9, 7, kind="definition"),
    Step(15, 7, kind="definition"),
    Step(21, 7, kind="definition"),
    Step(
        29,
        43,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: by(lambda u: a1(u, j), v, "w1", i, j),
        rhs=lambda v, n, i, j: v.x0[i - 1],
    ),
    Step(
        35,
        43,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: by(lambda u: x1(u, j), v, "w1", i, j),
        rhs=lambda v, n, i, j: sp(v, j) * v.x0[i - 1],
    ),
    Step(
        41,
        43,
        indices=("i", "j", "k"),
        lhs=lambda v, n, i, j, k: by(lambda u: a2(u, k), v, "w1", i, j),
        rhs=lambda v, n, i, j, k: v.w2[j - 1][k - 1] * sp(v, j) * v.x0[i - 1],
    ),
    Step(  # wrong: the weight of layer 1 where the weight of layer 2 belongs
        47,
        43,
        indices=("i", "j", "k"),
        lhs=lambda v, n, i, j, k: by(lambda u: a2(u, k), v, "w1", i, j),
        rhs=lambda v, n, i, j, k: v.w1[i - 1][j - 1] * sp(v, j) * v.x0[i - 1],
    ),
    Step(
        53,
        39,
        indices=("j", "k"),
        lhs=lambda v, n, j, k: by(lambda u: a2(u, k), v, "b1", j),
        rhs=lambda v, n, j, k: v.w2[j - 1][k - 1] * sp(v, j),
    ),
    Step(  # wrong: the derivative of the activation dropped
        59,
        39,
        indices=("j", "k"),
        lhs=lambda v, n, j, k: by(lambda u: a2(u, k), v, "b1", j),
        rhs=lambda v, n, j, k: v.w2[j - 1][k - 1],
    ),
    Step(
        65,
        43,
        indices=("j", "k"),
        lhs=lambda v, n, j, k: by(lambda u: a2(u, k), v, "w2", j, k),
        rhs=lambda v, n, j, k: x1(v, j),
    ),
    Step(
        69,
        39,
        indices=("k",),
        lhs=lambda v, n, k: by(lambda u: a2(u, k), v, "b2", k),
        rhs=lambda v, n, k: mp.mpf(1),
    ),
]
