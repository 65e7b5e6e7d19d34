"""Red team 16: a cheat sheet that writes H(p, q), the cross-entropy, beside H(p), the entropy,
and H(q, p) (the arguments swapped: another number); log s_k = z_k said to hold up to an
additive constant shared by all the classes (transcribed as that: the differences between
classes agree); the gradient of the batch loss summed "instead" of averaged. One planted slip:
the averaged gradient with its sign flipped."""

import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, sigmoid, softmax

SIZES = (2, 3)


def sample(rng, n):
    return Point(
        p=distribution(rng, n),
        q=distribution(rng, n),
        z=reals(rng, n),
        a=reals(rng, n),
        y=[mp.mpf(rng.choice((0, 1))) for _ in range(n)],
    )


def cross(p, q):
    return -sum(pk * mp.log(qk) for pk, qk in zip(p, q, strict=True))


def loss(v, z):
    return cross(v.p, softmax(z))


def bce(v, a, mean):
    terms = [
        y * mp.log(sigmoid(t)) + (1 - y) * mp.log(1 - sigmoid(t))
        for y, t in zip(v.y, a, strict=True)
    ]
    return -sum(terms) / (len(a) if mean else 1)


def lse(z):
    return mp.log(sum(mp.exp(t) for t in z))


STEPS = [
    Step(10, 9, kind="definition"),
    Step(
        16,
        41,
        lhs=lambda v, n: sum(pk * mp.log(pk / qk) for pk, qk in zip(v.p, v.q, strict=True)),
        rhs=lambda v, n: cross(v.p, v.q) - cross(v.p, v.p),
    ),
    Step(
        22,
        42,
        lhs=lambda v, n: sum(
            pk * (mp.log(pk) - mp.log(qk)) for pk, qk in zip(v.p, v.q, strict=True)
        ),
        rhs=lambda v, n: cross(v.p, v.q) + sum(pk * mp.log(pk) for pk in v.p),
    ),
    Step(28, 30, lhs=lambda v, n: cross(v.q, v.p), rhs=lambda v, n: cross(v.q, v.p)),
    Step(
        37,
        10,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(softmax(v.z)[k - 1]),
        rhs=lambda v, n, k: v.z[k - 1] - lse(v.z),
    ),
    Step(  # up to an additive constant shared by all the classes: the differences agree
        43,
        10,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(softmax(v.z)[k - 1]) - mp.log(softmax(v.z)[0]),
        rhs=lambda v, n, k: v.z[k - 1] - v.z[0],
    ),
    Step(
        49,
        33,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: loss(v, z), v.z, i),
        rhs=lambda v, n, i: (
            -sum(v.p[k - 1] * (delta(k, i) - softmax(v.z)[i - 1]) for k in range(1, n + 1))
        ),
    ),
    Step(
        49,
        75,
        indices=("i",),
        lhs=lambda v, n, i: (
            -sum(v.p[k - 1] * (delta(k, i) - softmax(v.z)[i - 1]) for k in range(1, n + 1))
        ),
        rhs=lambda v, n, i: softmax(v.z)[i - 1] * sum(v.p) - v.p[i - 1],
    ),
    Step(
        49,
        106,
        indices=("i",),
        lhs=lambda v, n, i: softmax(v.z)[i - 1] * sum(v.p) - v.p[i - 1],
        rhs=lambda v, n, i: softmax(v.z)[i - 1] - v.p[i - 1],
    ),
    Step(58, 3, kind="definition"),
    Step(  # wrong: the sign of the averaged gradient flipped
        62,
        33,
        indices=("m",),
        lhs=lambda v, n, m: d(lambda a: bce(v, a, True), v.a, m),
        rhs=lambda v, n, m: (v.y[m - 1] - sigmoid(v.a[m - 1])) / n,
    ),
    Step(  # the sum, said to be used instead
        68,
        33,
        indices=("m",),
        lhs=lambda v, n, m: d(lambda a: bce(v, a, False), v.a, m),
        rhs=lambda v, n, m: sigmoid(v.a[m - 1]) - v.y[m - 1],
    ),
]
