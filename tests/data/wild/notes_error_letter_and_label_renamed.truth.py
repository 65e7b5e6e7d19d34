import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# lecture notes: a linear unit's error called e (e = t - y, so e is no Euler's number there),
# "Let $x$ be the input and $w$ the weight" (a list, no value of x), then "Now let $y$ denote
# the unit's probability instead". Planted: the logistic derivative with a plus sign.


def sample(rng, n):
    return Point(
        w=mp.mpf(rng.uniform(-2, 2)),
        x=mp.mpf(rng.uniform(-2, 2)),
        t=mp.mpf(rng.uniform(-2, 2)),
        a=mp.mpf(rng.uniform(-3, 3)),
    )


def E(w, v):
    return (v.t - w * v.x) ** 2 / 2


SIZES = (1,)

STEPS = [
    Step(9, 5, kind="definition"),
    Step(
        13,
        33,
        lhs=lambda v, n: dscalar(lambda w: E(w, v), v.w),
        rhs=lambda v, n: -(v.t - v.w * v.x) * v.x,
    ),
    Step(
        13,
        40,
        lhs=lambda v, n: -(v.t - v.w * v.x) * v.x,
        rhs=lambda v, n: (v.w * v.x - v.t) * v.x,
    ),
    Step(
        20,
        22,
        lhs=lambda v, n: dscalar(sigmoid, v.a),
        rhs=lambda v, n: sigmoid(v.a) * (1 - sigmoid(v.a)),
    ),
    Step(
        24,
        22,
        lhs=lambda v, n: dscalar(sigmoid, v.a),
        rhs=lambda v, n: sigmoid(v.a) * (1 + sigmoid(v.a)),
        note="planted: the sign inside the bracket",
    ),
]
