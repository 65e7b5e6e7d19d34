import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(x=reals(rng, n))


def p(v, k):
    return softmax(v.x)[k - 1]


def logp(x, k):
    return mp.log(softmax(x)[k - 1])


K, MC = ("k",), ("m", "c")

STEPS = [
    Step(5, 11, kind="definition"),
    Step(
        9,
        15,
        indices=K,
        lhs=lambda v, n, k: logp(v.x, k),
        rhs=lambda v, n, k: v.x[k - 1] - mp.log(sum(mp.exp(t) for t in v.x)),
    ),
    Step(
        13,
        45,
        indices=K,
        lhs=lambda v, n, k: d(lambda x: logp(x, k), v.x, k),
        rhs=lambda v, n, k: 1 - p(v, k),
    ),
    Step(
        13,
        94,
        indices=K,
        lhs=lambda v, n, k: 1 - p(v, k),
        rhs=lambda v, n, k: 1 - p(v, k),
    ),
    Step(
        17,
        38,
        indices=MC,
        case="m != c",
        lhs=lambda v, n, m, c: d(lambda x: -logp(x, c), v.x, m),
        rhs=lambda v, n, m, c: -p(v, m),
        note="planted: the minus sign of -log p dropped: the gradient is +p(x_m)",
    ),
]
