import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A French blog post (LaTeX align in Markdown): the 2-2-1 network of a previous post with a
# sigmoid output a_2 = σ(z_2) and the binary cross-entropy L = -y log a_2 - (1 - y) log(1 - a_2),
# y ∈ {0, 1} ("L'étiquette y vaut 0 ou 1"). The six forward quantities in the two-column align and
# L are definitions; σ'(z) = σ(z)(1 - σ(z)) is checked at a free z. ∂L/∂a_2 is L differentiated
# as a function of a_2, ∂a_2/∂z_2 and ∂a_2/∂a_1 are a_2 through z_2 (a_0, the weights fixed),
# ∂L/∂a_1 is L through a_1 (all else fixed), ∂a_1/∂z_1 = σ'(z_1), ∂z_1/∂w_3 = x_1; the products of
# links are evaluated with those partial derivatives. ∂L/∂w_5, ∂L/∂w_3, ∂L/∂b_1 are derivatives
# of the whole network's loss. No planted slip: every step holds.

SIZES = (1,)


def sample(rng, n):
    def u():
        return mp.mpf(rng.uniform(-2, 2))

    names = ("x0", "x1", "w0", "w1", "w2", "w3", "w4", "w5", "b0", "b1", "b2", "z")
    p = {k: u() for k in names}
    p["y"] = mp.mpf(rng.choice((0, 1)))
    return Point(p)


def forward(v, **over):
    p = dict(v)
    p.update(over)
    z0 = p["w0"] * p["x0"] + p["w2"] * p["x1"] + p["b0"]
    z1 = p["w1"] * p["x0"] + p["w3"] * p["x1"] + p["b1"]
    a0, a1 = sigmoid(z0), sigmoid(z1)
    z2 = p["w4"] * a0 + p["w5"] * a1 + p["b2"]
    return {"z0": z0, "z1": z1, "a0": a0, "a1": a1, "z2": z2, "a2": sigmoid(z2)}


def bce(y, a2):
    return -y * mp.log(a2) - (1 - y) * mp.log(1 - a2)


def L(v, **over):
    return bce(v.y, forward(v, **over)["a2"])


def dL(name):
    return lambda v, n: dscalar(lambda t: L(v, **{name: t}), v[name])


def f(v, key):
    return forward(v)[key]


def dL_da2(v):
    return dscalar(lambda t: bce(v.y, t), f(v, "a2"))


def da2_dz2(v):
    return dscalar(sigmoid, f(v, "z2"))


def a2_of_a1(v, a1):
    return sigmoid(v.w4 * f(v, "a0") + v.w5 * a1 + v.b2)


def da2_da1(v):
    return dscalar(lambda t: a2_of_a1(v, t), f(v, "a1"))


def dL_da1(v):
    return dscalar(lambda t: bce(v.y, a2_of_a1(v, t)), f(v, "a1"))


def da1_dz1(v):
    return dscalar(sigmoid, f(v, "z1"))


def dz1_dw3(v):
    return dscalar(lambda t: v.w1 * v.x0 + t * v.x1 + v.b1, v.w3)


def dz1_db1(v):
    return dscalar(lambda t: v.w1 * v.x0 + v.w3 * v.x1 + t, v.b1)


def a2(v):
    return f(v, "a2")


def a1(v):
    return f(v, "a1")


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def hidden(v, n):
    return (a2(v) - v.y) * v.w5 * a1(v) * (1 - a1(v))


STEPS = [
    Step(6, 6, kind="definition"),
    Step(6, 40, kind="definition"),
    Step(7, 6, kind="definition"),
    Step(7, 40, kind="definition"),
    Step(8, 6, kind="definition"),
    Step(8, 40, kind="definition"),
    Step(11, 24, kind="definition"),
    Step(
        11,
        92,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    *chain(
        [(16, 34), (16, 75)],
        [
            lambda v, n: dL_da2(v),
            lambda v, n: -v.y / a2(v) + (1 - v.y) / (1 - a2(v)),
            lambda v, n: (a2(v) - v.y) / (a2(v) * (1 - a2(v))),
        ],
    ),
    *chain(
        [(17, 34), (17, 105), (18, 2)],
        [
            lambda v, n: dscalar(lambda t: bce(v.y, sigmoid(t)), f(v, "z2")),
            lambda v, n: dL_da2(v) * da2_dz2(v),
            lambda v, n: (a2(v) - v.y) / (a2(v) * (1 - a2(v))) * a2(v) * (1 - a2(v)),
            lambda v, n: a2(v) - v.y,
        ],
    ),
    Step(21, 150, lhs=dL("w5"), rhs=lambda v, n: (a2(v) - v.y) * a1(v)),
    *chain(
        [(26, 36), (26, 57)],
        [
            lambda v, n: da2_da1(v),
            lambda v, n: dscalar(sigmoid, f(v, "z2")) * v.w5,
            lambda v, n: a2(v) * (1 - a2(v)) * v.w5,
        ],
    ),
    *chain(
        [(27, 34), (27, 105)],
        [
            lambda v, n: dL_da1(v),
            lambda v, n: dL_da2(v) * da2_da1(v),
            lambda v, n: (a2(v) - v.y) * v.w5,
        ],
    ),
    *chain(
        [(28, 34), (29, 2)],
        [
            dL("w3"),
            lambda v, n: dL_da1(v) * da1_dz1(v) * dz1_dw3(v),
            lambda v, n: hidden(v, n) * v.x1,
        ],
    ),
    Step(32, 64, lhs=dL("b1"), rhs=hidden),
    Step(32, 143, lhs=lambda v, n: dz1_db1(v), rhs=lambda v, n: mp.mpf(1)),
]
