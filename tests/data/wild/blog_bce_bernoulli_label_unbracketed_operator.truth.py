import mpmath as mp
from truth import Point, Step, sigmoid

# One example: a probability p in (0, 1), a logit x, and a label y that the author means to be
# 0 or 1 (a binary classifier's label: "whether it really is" positive).
SIZES = (1,)


def sample(rng, n):
    return Point(
        p=mp.mpf(rng.uniform(0.02, 0.98)),
        x=mp.mpf(rng.uniform(-3, 3)),
        y=mp.mpf(rng.randrange(2)),
    )


def loss_of_logit(v, x):
    return mp.log(1 + mp.exp(x)) - x * v.y


STEPS = [
    Step(
        8,
        19,
        lhs=lambda v, n: v.p**v.y * (1 - v.p) ** (1 - v.y),
        rhs=lambda v, n: v.y * v.p + (1 - v.y) * (1 - v.p),
    ),
    Step(
        13,
        36,
        lhs=lambda v, n: mp.log(v.p**v.y * (1 - v.p) ** (1 - v.y)),
        rhs=lambda v, n: v.y * mp.log(v.p) + (1 - v.y) * mp.log(1 - v.p),
    ),
    Step(
        18,
        30,
        lhs=lambda v, n: -v.y * mp.log(v.p) - (1 - v.y) * mp.log(1 - v.p),
        rhs=lambda v, n: -mp.log(v.y * v.p + (1 - v.y) * (1 - v.p)),
    ),
    Step(
        25,
        48,
        lhs=lambda v, n: -v.y * mp.log(sigmoid(v.x)) - (1 - v.y) * mp.log(1 - sigmoid(v.x)),
        rhs=lambda v, n: loss_of_logit(v, v.x),
    ),
    Step(
        29,
        38,
        # the author differentiates the whole loss: the brackets are left out
        lhs=lambda v, n: mp.diff(lambda x: loss_of_logit(v, x), v.x),
        rhs=lambda v, n: sigmoid(v.x) - v.y,
    ),
    Step(
        34,
        32,
        lhs=lambda v, n: mp.diff(lambda x: mp.log(1 + mp.exp(x)), v.x),
        rhs=lambda v, n: sigmoid(v.x),
    ),
    Step(
        36,
        26,
        lhs=lambda v, n: mp.diff(sigmoid, v.x),
        rhs=lambda v, n: sigmoid(v.x) * (1 + sigmoid(v.x)),
        note="sign slip: the derivative of the sigmoid is sigma (1 - sigma)",
    ),
]
