import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# math.SE writes $$…$$ inside sentences; after a colon it is the display of the derivation.
SIZES = (1,)


def sample(rng, n):
    # "Let 0 <= p <= 1 be the soft target"
    return Point(p=mp.mpf(rng.uniform(0, 1)), u=mp.mpf(rng.uniform(-4, 4)))


def loss(p, u):
    return -p * mp.log(sigmoid(u)) - (1 - p) * mp.log(1 - sigmoid(u))


def e(t):
    return mp.exp(t)


STEPS = [
    Step(8, 34, kind="definition"),
    Step(
        8,
        82,
        lhs=lambda v, n: loss(v.p, v.u),
        rhs=lambda v, n: (
            -v.p * mp.log(e(v.u) / (1 + e(v.u))) - (1 - v.p) * mp.log(1 / (1 + e(v.u)))
        ),
    ),
    Step(
        8,
        140,
        lhs=lambda v, n: (
            -v.p * mp.log(e(v.u) / (1 + e(v.u))) - (1 - v.p) * mp.log(1 / (1 + e(v.u)))
        ),
        rhs=lambda v, n: -v.p * v.u + mp.log(1 + e(v.u)),
    ),
    Step(
        10,
        78,
        lhs=lambda v, n: dscalar(lambda u: loss(v.p, u), v.u),
        rhs=lambda v, n: -v.p + e(v.u) / (1 + e(v.u)),
    ),
    Step(
        10,
        103,
        lhs=lambda v, n: -v.p + e(v.u) / (1 + e(v.u)),
        rhs=lambda v, n: sigmoid(v.u) - v.p,
    ),
    Step(
        12,
        69,
        lhs=lambda v, n: dscalar(lambda u: sigmoid(u) - v.p, v.u),
        rhs=lambda v, n: sigmoid(v.u) * (1 + sigmoid(v.u)),
        note="the sign inside the bracket: sigma(u)(1 - sigma(u))",
    ),
]
