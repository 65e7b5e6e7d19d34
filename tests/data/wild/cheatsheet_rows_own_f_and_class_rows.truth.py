import mpmath as mp
from truth import Point, Step, d, delta, dscalar, one_hot, reals, sigmoid, softmax

# A cheat sheet whose rows each define their own activation f (softplus, swish, the negative
# side of ELU, tanh), then a table of the cross-entropy's slopes whose rows name the class case
# (the correct class, any other class: one-hot labels), and a last row for every logit.
# Planted: tanh' = 1 - tanh^2 written with a plus; the last row adds the label (p_k - y_k).


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)), z=reals(rng, n), y=one_hot(rng, n))


def softplus(x):
    return mp.log(1 + mp.exp(x))


def swish(x):
    return x * sigmoid(x)


def elu_negative(x):
    return mp.exp(x) - 1


def loss(z, y):
    p = softmax(z)
    return -sum(y[k] * mp.log(p[k]) for k in range(len(z)))


def hot(c, n):
    return [mp.mpf(delta(k, c)) for k in range(1, n + 1)]


def other(k, n):
    return hot(1 if k != 1 else 2, n)


SIZES = (2, 3)

STEPS = [
    Step(7, 20, kind="definition"),
    Step(7, 46, lhs=lambda v, n: dscalar(softplus, v.x), rhs=lambda v, n: sigmoid(v.x)),
    Step(8, 17, kind="definition"),
    Step(
        8,
        40,
        lhs=lambda v, n: dscalar(swish, v.x),
        rhs=lambda v, n: swish(v.x) + sigmoid(v.x) * (1 - swish(v.x)),
    ),
    Step(9, 30, kind="definition"),
    Step(
        9,
        50,
        lhs=lambda v, n: dscalar(elu_negative, v.x),
        rhs=lambda v, n: elu_negative(v.x) + 1,
    ),
    Step(10, 16, kind="definition"),
    Step(
        10,
        37,
        lhs=lambda v, n: dscalar(mp.tanh, v.x),
        rhs=lambda v, n: 1 + mp.tanh(v.x) ** 2,
        note="planted: the square enters with a minus",
    ),
    Step(
        19,
        52,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: loss(z, hot(k, n)), v.z, k),
        rhs=lambda v, n, k: softmax(v.z)[k - 1] - 1,
        note="the row of the correct class",
    ),
    Step(
        20,
        54,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: loss(z, other(k, n)), v.z, k),
        rhs=lambda v, n, k: softmax(v.z)[k - 1],
        note="the row of any other class",
    ),
    Step(
        21,
        58,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: loss(z, v.y), v.z, k),
        rhs=lambda v, n, k: softmax(v.z)[k - 1] + v.y[k - 1],
        note="planted: the label enters with a plus",
    ),
]
