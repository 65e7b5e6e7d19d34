import mpmath as mp
from truth import Point, Step, d, delta, dscalar, sigmoid

# A notebook's Markdown cell: a forward and backward pass of the 2-2-1 network (sigmoid hidden
# units, sigmoid output, binary cross-entropy) at one fixed example, x = (1, 2), y = 1, with
# fixed weights. The network and the loss (line 3) and the values (line 5) are definitions.
# "All products are rounded to four places": every rounded number stands for the exact value it
# rounds (0.6457 for σ(0.6), 0.4172 for z_2, -0.3972 for a_2 - y, …), so each rounded step is
# transcribed as that exact value on both sides (note "rounded: ≈"); the rounding itself was
# checked digit by digit when the document was written. The bmatrix steps are judged entry by
# entry at N = 2 (indices i, j of the 2×2 matrices); the scalar steps ignore N. The Jacobian
# ∂a/∂z is that of a = σ(z) entrywise at z = (0.6, -0.3). The code cell is not labelled.
# No planted slip: every step holds.

SIZES = (2,)

X0, X1, Y = mp.mpf(1), mp.mpf(2), mp.mpf(1)
W = {
    "w0": mp.mpf("0.2"),
    "w2": mp.mpf("0.1"),
    "b0": mp.mpf("0.2"),
    "w1": mp.mpf("0.5"),
    "w3": mp.mpf("-0.3"),
    "b1": mp.mpf("-0.2"),
    "w4": mp.mpf("0.6"),
    "w5": mp.mpf("-0.4"),
    "b2": mp.mpf("0.2"),
}


def sample(rng, n):
    return Point()


def forward(**over):
    p = dict(W)
    p.update(over)
    z0 = p["w0"] * X0 + p["w2"] * X1 + p["b0"]
    z1 = p["w1"] * X0 + p["w3"] * X1 + p["b1"]
    a0, a1 = sigmoid(z0), sigmoid(z1)
    z2 = p["w4"] * a0 + p["w5"] * a1 + p["b2"]
    return {"z0": z0, "z1": z1, "a0": a0, "a1": a1, "z2": z2, "a2": sigmoid(z2)}


def bce(a2):
    return -Y * mp.log(a2) - (1 - Y) * mp.log(1 - a2)


def loss_of_hidden_z(z0, z1):
    a0, a1 = sigmoid(z0), sigmoid(z1)
    return bce(sigmoid(W["w4"] * a0 + W["w5"] * a1 + W["b2"]))


F = forward()
Z0, Z1, A0, A1, Z2, A2 = (F[k] for k in ("z0", "z1", "a0", "a1", "z2", "a2"))
LOSS = bce(A2)
DZ2 = dscalar(lambda t: bce(sigmoid(t)), Z2)
DW = {k: dscalar(lambda t, k=k: bce(forward(**{k: t})["a2"]), W[k]) for k in ("w3", "w4", "w5")}
DZ0 = dscalar(lambda t: loss_of_hidden_z(t, Z1), Z0)
DZ1 = dscalar(lambda t: loss_of_hidden_z(Z0, t), Z1)
ZH = [mp.mpf("0.6"), mp.mpf("-0.3")]


def sp(t):
    return sigmoid(t) * (1 - sigmoid(t))


def const(c):
    return lambda v, n: c


def cchain(points, values, note=""):
    """A chain of constant steps: values[k] = values[k + 1] at points[k]."""
    return [
        Step(line, col, lhs=const(values[k]), rhs=const(values[k + 1]), note=note)
        for k, (line, col) in enumerate(points)
    ]


def rounded(points, value):
    return [
        Step(line, col, lhs=const(value), rhs=const(value), note="rounded: ≈")
        for line, col in points
    ]


IJ = ("i", "j")


def jac(v, n, i, j):
    return d(lambda z: [sigmoid(t) for t in z][i - 1], ZH, j)


def diag_of(values):
    return lambda v, n, i, j: delta(i, j) * values[i - 1]


STEPS = [
    Step(3, 128, kind="definition"),
    Step(3, 161, kind="definition"),
    Step(3, 194, kind="definition"),
    Step(3, 215, kind="definition"),
    Step(3, 251, kind="definition"),
    Step(3, 284, kind="definition"),
    *[
        Step(5, col, kind="definition")
        for col in (21, 32, 51, 78, 91, 104, 117, 130, 144, 161, 174, 188)
    ],
    # forward pass
    *cchain([(9, 7), (9, 43)], [Z0, W["w0"] * 1 + W["w2"] * 2 + W["b0"], mp.mpf("0.6")]),
    *cchain([(9, 61), (9, 100)], [Z1, W["w1"] * 1 + W["w3"] * 2 + W["b1"], mp.mpf("-0.3")]),
    Step(11, 7, lhs=const(A0), rhs=const(sigmoid(mp.mpf("0.6")))),
    *rounded([(11, 21)], A0),
    Step(11, 42, lhs=const(A1), rhs=const(sigmoid(mp.mpf("-0.3")))),
    *rounded([(11, 57)], A1),
    Step(13, 7, lhs=const(Z2), rhs=const(W["w4"] * A0 + W["w5"] * A1 + W["b2"])),
    *rounded([(13, 56), (13, 80)], Z2),
    Step(15, 7, lhs=const(A2), rhs=const(sigmoid(Z2)), note="0.4172 stands for z_2"),
    *rounded([(15, 24)], A2),
    Step(15, 43, lhs=const(LOSS), rhs=const(-mp.log(A2)), note="at y = 1"),
    *rounded([(15, 55)], LOSS),
    # backward pass
    Step(17, 89, lhs=const(DZ2), rhs=const(A2 - Y)),
    Step(17, 99, lhs=const(A2 - Y), rhs=const(A2 - 1), note="y = 1; 0.6028 stands for a_2"),
    *rounded([(17, 112)], A2 - 1),
    Step(19, 35, lhs=const(DW["w4"]), rhs=const(DZ2 * A0), note="rounded factors"),
    *rounded([(19, 59)], DZ2 * A0),
    Step(19, 109, lhs=const(DW["w5"]), rhs=const(DZ2 * A1), note="rounded factors"),
    *rounded([(19, 133)], DZ2 * A1),
    Step(
        23,
        51,
        indices=IJ,
        lhs=jac,
        rhs=diag_of([sp(t) for t in ZH]),
    ),
    Step(
        23,
        154,
        indices=IJ,
        lhs=diag_of([sp(t) for t in ZH]),
        rhs=diag_of([sigmoid(t) * (1 - sigmoid(t)) for t in ZH]),
        note="rounded factors: 0.6457 × 0.3543 stands for σ(0.6)(1 - σ(0.6))",
    ),
    Step(
        23,
        239,
        indices=IJ,
        lhs=diag_of([sp(t) for t in ZH]),
        rhs=diag_of([sp(t) for t in ZH]),
        note="rounded: ≈",
    ),
    Step(27, 35, lhs=const(DZ0), rhs=const(DZ2 * W["w4"] * sp(Z0)), note="rounded factors"),
    *rounded([(27, 70)], DZ0),
    Step(27, 120, lhs=const(DZ1), rhs=const(DZ2 * W["w5"] * sp(Z1)), note="rounded factors"),
    *rounded([(27, 158)], DZ1),
    Step(29, 46, lhs=const(DW["w3"]), rhs=const(DZ1 * X1)),
    *rounded([(29, 87)], DZ1 * X1),
]
