import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A Markdown blog post on a 2-2-1 network written in scalar entries: z_0 = w_0 x_0 + w_2 x_1 + b_0,
# a_0 = σ(z_0), z_1 = w_1 x_0 + w_3 x_1 + b_1, a_1 = σ(z_1), a_2 = w_4 a_0 + w_5 a_1 + b_2 (linear
# output) and L = ½(y - a_2)² (definitions). The chain rule for the output weight w_4, the bias
# b_2, and the hidden weights w_3 and w_2. ∂L/∂a_2, ∂a_2/∂a_1, ∂a_1/∂z_1, ∂z_1/∂w_3 are the
# derivatives of each quantity through the next one with the earlier ones held fixed; the product
# of the four links on line 29 is evaluated with those partial derivatives.
# Planted: a wrong index — ∂L/∂w_2 ends in x_0, but w_2 multiplies x_1 in z_0 (the author copied
# the input of w_0), so ∂z_0/∂w_2 = x_1.

SIZES = (1,)


def sample(rng, n):
    def u():
        return mp.mpf(rng.uniform(-2, 2))

    names = ("x0", "x1", "w0", "w1", "w2", "w3", "w4", "w5", "b0", "b1", "b2", "y")
    return Point({k: u() for k in names})


def forward(v, **over):
    p = dict(v)
    p.update(over)
    z0 = p["w0"] * p["x0"] + p["w2"] * p["x1"] + p["b0"]
    z1 = p["w1"] * p["x0"] + p["w3"] * p["x1"] + p["b1"]
    a0, a1 = sigmoid(z0), sigmoid(z1)
    a2 = p["w4"] * a0 + p["w5"] * a1 + p["b2"]
    return {"z0": z0, "z1": z1, "a0": a0, "a1": a1, "a2": a2}


def L(v, **over):
    return (v.y - forward(v, **over)["a2"]) ** 2 / 2


def dL(name):
    """∂L/∂(parameter name) of the whole network."""
    return lambda v, n: dscalar(lambda t: L(v, **{name: t}), v[name])


def f(v, key):
    return forward(v)[key]


def dL_da2(v):
    return dscalar(lambda t: (v.y - t) ** 2 / 2, f(v, "a2"))


def da2_dw4(v):
    return dscalar(lambda t: t * f(v, "a0") + v.w5 * f(v, "a1") + v.b2, v.w4)


def da2_da1(v):
    return dscalar(lambda t: v.w4 * f(v, "a0") + v.w5 * t + v.b2, f(v, "a1"))


def da1_dz1(v):
    return dscalar(sigmoid, f(v, "z1"))


def dz1_dw3(v):
    return dscalar(lambda t: v.w1 * v.x0 + t * v.x1 + v.b1, v.w3)


def err(v):
    return f(v, "a2") - v.y


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(9, 7, kind="definition"),
    Step(9, 45, kind="definition"),
    Step(11, 7, kind="definition"),
    Step(11, 45, kind="definition"),
    Step(13, 7, kind="definition"),
    Step(15, 46, kind="definition"),
    *chain(
        [(21, 35), (21, 103), (21, 126)],
        [
            dL("w4"),
            lambda v, n: dL_da2(v) * da2_dw4(v),
            lambda v, n: -(v.y - f(v, "a2")) * f(v, "a0"),
            lambda v, n: err(v) * f(v, "a0"),
        ],
    ),
    Step(23, 50, lhs=dL("b2"), rhs=lambda v, n: err(v)),
    Step(
        29,
        35,
        lhs=dL("w3"),
        rhs=lambda v, n: dL_da2(v) * da2_da1(v) * da1_dz1(v) * dz1_dw3(v),
    ),
    Step(31, 61, lhs=lambda v, n: da2_da1(v), rhs=lambda v, n: v.w5),
    Step(
        31,
        104,
        lhs=lambda v, n: da1_dz1(v),
        rhs=lambda v, n: sigmoid(f(v, "z1")) * (1 - sigmoid(f(v, "z1"))),
    ),
    Step(
        31,
        135,
        lhs=lambda v, n: sigmoid(f(v, "z1")) * (1 - sigmoid(f(v, "z1"))),
        rhs=lambda v, n: f(v, "a1") * (1 - f(v, "a1")),
    ),
    Step(31, 191, lhs=lambda v, n: dz1_dw3(v), rhs=lambda v, n: v.x1),
    Step(
        33,
        35,
        lhs=dL("w3"),
        rhs=lambda v, n: err(v) * v.w5 * f(v, "a1") * (1 - f(v, "a1")) * v.x1,
    ),
    Step(
        37,
        35,
        lhs=dL("w2"),
        rhs=lambda v, n: err(v) * v.w4 * f(v, "a0") * (1 - f(v, "a0")) * v.x0,
        note="planted: wrong index, x_0 for x_1 (w_2 multiplies x_1)",
    ),
]
