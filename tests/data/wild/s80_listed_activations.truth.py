import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# A README's list of activation choices, each a line `$g(x) = \tanh(x) = …$<br>`: g(x) = … names
# the option (a definition, one per line, so g is redefined four times), and the second sign is
# the function's formula (tanh's is an identity and checked; σ, relu and softplus are defined
# there). Then the derivative of σ itself, not through g: σ'(x) = σ(x)(1 - σ(x)) over displays
# that start with "=", and the identity used. No planted slip.

SIZES = (1,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


def softplus(x):
    return mp.log(1 + mp.exp(x))


def e(v):
    return mp.exp(-v.x)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(5, 7, kind="definition", note="the tanh option"),
    Step(
        5,
        18,
        lhs=lambda v, n: mp.tanh(v.x),
        rhs=lambda v, n: (mp.exp(v.x) - mp.exp(-v.x)) / (mp.exp(v.x) + mp.exp(-v.x)),
    ),
    Step(6, 7, kind="definition", note="the sigmoid option"),
    Step(6, 19, kind="definition"),
    Step(7, 7, kind="definition", note="the relu option"),
    Step(7, 26, kind="definition"),
    Step(8, 7, kind="definition", note="the softplus option"),
    Step(8, 30, kind="definition"),
    Step(
        10,
        94,
        lhs=lambda v, n: dscalar(mp.tanh, v.x),
        rhs=lambda v, n: 1 - mp.tanh(v.x) ** 2,
    ),
    Step(
        10,
        163,
        lhs=lambda v, n: mp.exp(v.x) / (1 + mp.exp(v.x)),
        rhs=lambda v, n: sigmoid(v.x),
    ),
    *chain(
        [(16, 14), (16, 57), (18, 3), (20, 3)],
        [
            lambda v, n: dscalar(sigmoid, v.x),
            lambda v, n: dscalar(lambda x: (1 + mp.exp(-x)) ** -1, v.x),
            lambda v, n: e(v) / (1 + e(v)) ** 2,
            lambda v, n: 1 / (1 + e(v)) * (e(v) / (1 + e(v))),
            lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
        ],
    ),
    *chain(
        [(22, 42), (22, 69)],
        [
            lambda v, n: e(v) / (1 + e(v)),
            lambda v, n: 1 - 1 / (1 + e(v)),
            lambda v, n: 1 - sigmoid(v.x),
        ],
    ),
    Step(22, 109, kind="definition"),
]
