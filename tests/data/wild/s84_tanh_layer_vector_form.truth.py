import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, sigmoid

# Lecture notes on tanh and sigmoid layers: a scalar unit h = tanh(z) (tanh defined by its
# exponential formula), dh/dz by the quotient rule = 1 - tanh² z = 1 - h², the logistic unit
# s = σ(z) with ds/dz = s(1 - s) and both slopes at z = 0 (the "at z = 0" is labelled as the
# stated point). Then "For a whole layer." h = tanh(z) entrywise, h_i = tanh(z_i) (definitions),
# its diagonal Jacobian entry by entry (indices i, j), and the backward pass with the upstream
# gradient g = ∂L/∂h (a definition): the steps on line 23 are componentwise (index i) and are
# evaluated for a loss L whose gradient at h is g (L(h) = Σ_k g_k h_k; the claim is the chain
# rule, so any such L will do). "In vector form" the sigmoid layer s = σ(z) likewise, with
# g = ∂L/∂s there. The code spans are not labelled. No planted slip: every step holds.


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)), z=reals(rng, n), g=reals(rng, n))


def tanh(t):
    """The document's definition of tanh."""
    return (mp.exp(t) - mp.exp(-t)) / (mp.exp(t) + mp.exp(-t))


def e(t):
    return mp.exp(t)


def h(v, i):
    return tanh(v.z[i - 1])


def s(v, i):
    return sigmoid(v.z[i - 1])


def J_tanh(v, i, j):
    return d(lambda z: tanh(z[i - 1]), v.z, j)


def J_sig(v, i, j):
    return d(lambda z: sigmoid(z[i - 1]), v.z, j)


def loss_through(act, v):
    """∂L/∂z for L(a) = Σ g_k a_k with a = act(z) entrywise: a function of z."""
    return lambda z: mp.fsum(gk * act(t) for gk, t in zip(v.g, z))


def const(c):
    return lambda v, n: c


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")
I = ("i",)

STEPS = [
    Step(3, 64, kind="definition"),
    Step(5, 12, kind="definition"),
    *chain(
        [(9, 17), (9, 86), (9, 103)],
        [
            lambda v, n: dscalar(tanh, v.x),
            lambda v, n: (
                ((e(v.x) + e(-v.x)) ** 2 - (e(v.x) - e(-v.x)) ** 2) / (e(v.x) + e(-v.x)) ** 2
            ),
            lambda v, n: 1 - tanh(v.x) ** 2,
            lambda v, n: 1 - tanh(v.x) ** 2,
        ],
    ),
    Step(11, 77, kind="definition"),
    Step(
        11,
        131,
        lhs=lambda v, n: dscalar(sigmoid, v.x),
        rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
    ),
    Step(11, 150, kind="hypothesis", note="the point at which the two slopes are taken"),
    Step(11, 190, lhs=const(1 - tanh(mp.mpf(0)) ** 2), rhs=const(mp.mpf(1))),
    Step(
        11,
        225,
        lhs=const(sigmoid(mp.mpf(0)) * (1 - sigmoid(mp.mpf(0)))),
        rhs=const(mp.mpf(1) / 4),
    ),
    # "For a whole layer."
    Step(15, 14, kind="definition"),
    Step(15, 46, kind="definition", note="the entrywise reading of the layer"),
    Step(
        19,
        37,
        indices=IJ,
        lhs=lambda v, n, i, j: J_tanh(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * (1 - h(v, i) ** 2),
    ),
    *chain(
        [(19, 119), (19, 170)],
        [
            lambda v, n, i, j: J_tanh(v, i, j),
            lambda v, n, i, j: delta(i, j) * (1 - h(v, i) ** 2),
            lambda v, n, i, j: delta(i, j) - delta(i, j) * h(v, i) ** 2,
        ],
        indices=IJ,
        note="matrix entries (i, j)",
    ),
    Step(21, 51, kind="definition"),
    *chain(
        [(23, 42), (23, 123)],
        [
            lambda v, n, i: d(loss_through(tanh, v), v.z, i),
            lambda v, n, i: mp.fsum(J_tanh(v, j, i) * v.g[j - 1] for j in range(1, n + 1)),
            lambda v, n, i: (1 - h(v, i) ** 2) * v.g[i - 1],
        ],
        indices=I,
        note="componentwise",
    ),
    # "In vector form"
    Step(25, 50, kind="definition"),
    Step(
        27,
        51,
        indices=IJ,
        lhs=lambda v, n, i, j: J_sig(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * s(v, i) * (1 - s(v, i)),
        note="matrix entries (i, j)",
    ),
    Step(
        27,
        172,
        indices=I,
        lhs=lambda v, n, i: d(loss_through(sigmoid, v), v.z, i),
        rhs=lambda v, n, i: s(v, i) * (1 - s(v, i)) * v.g[i - 1],
        note="componentwise, with g = ∂L/∂s (stated after the display)",
    ),
    Step(29, 18, kind="definition"),
]
