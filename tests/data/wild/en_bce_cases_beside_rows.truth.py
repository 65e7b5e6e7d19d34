import mpmath as mp
from truth import Point, Step, sigmoid

# A binary cross-entropy post in the style of review 75c/76's cases: each label's value written
# beside its row ("\quad \text{if } y = 1"), the second case's row under the first case's row in
# one align (it goes on from L, not from the other case), and a case said in words before a
# display ("and when the label is $y = 0$,"). Planted: at y = 0 the gradient is ŷ, not 1 - ŷ.


def sample(rng, n):
    return Point(z=mp.mpf(rng.uniform(-3, 3)))


def loss(z, y):
    p = sigmoid(z)
    return -y * mp.log(p) - (1 - y) * mp.log(1 - p)


def gradient(z, y):
    return mp.diff(lambda t: loss(t, y), z)


D = "definition"
STEPS = [
    Step(3, 14, kind=D),
    Step(5, 5, kind=D),
    Step(10, 4, lhs=lambda v, n: loss(v.z, mp.mpf(0.3)), rhs=lambda v, n: loss(v.z, mp.mpf(0.3))),
    Step(
        11,
        4,
        lhs=lambda v, n: loss(v.z, 1),
        rhs=lambda v, n: -mp.log(sigmoid(v.z)),
        note="at the label the row states, y = 1",
    ),
    Step(11, 38, kind="hypothesis"),
    Step(
        12,
        4,
        lhs=lambda v, n: loss(v.z, 0),
        rhs=lambda v, n: -mp.log(1 - sigmoid(v.z)),
        note="L at y = 0: the row goes on from L, not from the y = 1 row",
    ),
    Step(12, 42, kind="hypothesis"),
    Step(
        15,
        18,
        lhs=lambda v, n: mp.diff(sigmoid, v.z),
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    Step(17, 33, lhs=lambda v, n: gradient(v.z, 1), rhs=lambda v, n: sigmoid(v.z) - 1),
    Step(17, 67, kind="hypothesis"),
    Step(19, 26, kind="hypothesis"),
    Step(
        21,
        33,
        lhs=lambda v, n: gradient(v.z, 0),
        rhs=lambda v, n: 1 - sigmoid(v.z),
        note="planted: at y = 0 the gradient is ŷ",
    ),
    Step(
        23,
        57,
        lhs=lambda v, n: gradient(v.z, mp.mpf(0.3)),
        rhs=lambda v, n: sigmoid(v.z) - mp.mpf(0.3),
    ),
]
