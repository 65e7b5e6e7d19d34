import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A notebook's Markdown cells: a scalar network z_0 = w_0 x_0 + b_0, a_0 = σ(z_0),
# a_1 = w_1 a_0 + b_1 and L = ½(y - a_1)² (definitions), then the chain rule unit by unit.
# ∂L/∂a_1, ∂L/∂a_0 and ∂L/∂z_0 are the derivatives of L through the later quantities with the
# earlier ones held fixed; the product forms (∂L/∂a_1)(∂a_1/∂w_1) etc. are evaluated with those
# same partial derivatives. The code cell is not labelled.
# Planted: a dropped factor — ∂L/∂w_0 = (∂L/∂z_0)(∂z_0/∂w_0) is simplified to
# (a_1 - y) w_1 a_0 (1 - a_0), losing ∂z_0/∂w_0 = x_0 (the same expression is then right for b_0).

SIZES = (1,)


def sample(rng, n):
    def u():
        return mp.mpf(rng.uniform(-2, 2))

    return Point(x0=u(), w0=u(), b0=u(), w1=u(), b1=u(), y=u())


def L_of_a1(v, a1):
    return (v.y - a1) ** 2 / 2


def L_of_a0(v, a0):
    return L_of_a1(v, v.w1 * a0 + v.b1)


def L_of_z0(v, z0):
    return L_of_a0(v, sigmoid(z0))


def L(v, w0=None, b0=None, w1=None, b1=None):
    w0 = v.w0 if w0 is None else w0
    b0 = v.b0 if b0 is None else b0
    w1 = v.w1 if w1 is None else w1
    b1 = v.b1 if b1 is None else b1
    a0 = sigmoid(w0 * v.x0 + b0)
    return (v.y - (w1 * a0 + b1)) ** 2 / 2


def z0(v):
    return v.w0 * v.x0 + v.b0


def a0(v):
    return sigmoid(z0(v))


def a1(v):
    return v.w1 * a0(v) + v.b1


def dL_da1(v, n):
    return dscalar(lambda t: L_of_a1(v, t), a1(v))


def dL_dz0(v, n):
    return dscalar(lambda t: L_of_z0(v, t), z0(v))


def hidden(v, n):
    return (a1(v) - v.y) * v.w1 * a0(v) * (1 - a0(v))


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(7, 7, kind="definition"),
    Step(7, 35, kind="definition"),
    Step(7, 61, kind="definition"),
    Step(9, 32, kind="definition"),
    *chain(
        [(13, 35), (13, 48)],
        [dL_da1, lambda v, n: -(v.y - a1(v)), lambda v, n: a1(v) - v.y],
    ),
    *chain(
        [(15, 35), (15, 103)],
        [
            lambda v, n: dscalar(lambda t: L(v, w1=t), v.w1),
            lambda v, n: dL_da1(v, n) * dscalar(lambda t: t * a0(v) + v.b1, v.w1),
            lambda v, n: (a1(v) - v.y) * a0(v),
        ],
    ),
    *chain(
        [(17, 35), (17, 55)],
        [
            lambda v, n: dscalar(lambda t: L(v, b1=t), v.b1),
            lambda v, n: (a1(v) - v.y) * 1,
            lambda v, n: a1(v) - v.y,
        ],
    ),
    Step(19, 104, lhs=lambda v, n: dscalar(sigmoid, z0(v)), rhs=lambda v, n: a0(v) * (1 - a0(v))),
    Step(
        21,
        35,
        lhs=lambda v, n: dscalar(lambda t: L_of_a0(v, t), a0(v)),
        rhs=lambda v, n: (a1(v) - v.y) * v.w1,
    ),
    Step(21, 91, lhs=dL_dz0, rhs=hidden),
    Step(
        23,
        35,
        lhs=lambda v, n: dscalar(lambda t: L(v, w0=t), v.w0),
        rhs=lambda v, n: dL_dz0(v, n) * dscalar(lambda t: t * v.x0 + v.b0, v.w0),
    ),
    Step(
        23,
        103,
        lhs=lambda v, n: dL_dz0(v, n) * dscalar(lambda t: t * v.x0 + v.b0, v.w0),
        rhs=hidden,
        note="planted: the factor ∂z_0/∂w_0 = x_0 dropped",
    ),
    *chain(
        [(25, 35), (25, 69)],
        [lambda v, n: dscalar(lambda t: L(v, b0=t), v.b0), dL_dz0, hidden],
    ),
]
