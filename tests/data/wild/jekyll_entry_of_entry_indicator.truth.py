import mpmath as mp
from truth import Point, Step, d, delta, positives, reals, softmax

# y_i(z_i) is the softmax entry y_i (a function of the whole score vector z); 1\{k = i\} is
# the indicator; the targets t are not said to sum to one


def sample(rng, n):
    return Point(z=reals(rng, n), t=positives(rng, n))


def y(v, k):
    return softmax(v.z)[k - 1]


def C(z, t):
    return -sum(t[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def dy(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


def T(v):
    return sum(v.t)


def first(v, n, i):
    return -sum(v.t[k - 1] * (delta(k, i) - y(v, i)) for k in range(1, n + 1))


STEPS = [
    Step(5, 12, kind="definition"),
    Step(9, 5, kind="definition"),
    Step(
        15,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: C(z, v.t), v.z, i),
        rhs=lambda v, n, i: -sum(v.t[k - 1] / y(v, k) * dy(v, k, i) for k in range(1, n + 1)),
    ),
    Step(
        19,
        42,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dy(v, k, i),
        rhs=lambda v, n, k, i: y(v, k) * (delta(k, i) - y(v, i)),
    ),
    Step(
        23,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: C(z, v.t), v.z, i),
        rhs=first,
    ),
    Step(
        23,
        74,
        indices=("i",),
        lhs=first,
        rhs=lambda v, n, i: -v.t[i - 1] + y(v, i) * T(v),
    ),
    Step(
        23,
        128,
        indices=("i",),
        lhs=lambda v, n, i: -v.t[i - 1] + y(v, i) * T(v),
        rhs=lambda v, n, i: -v.t[i - 1] + y(v, i) * T(v),
    ),
    Step(
        29,
        40,
        indices=("i",),
        lhs=first,
        rhs=lambda v, n, i: -v.t[i - 1] + n * y(v, i),
        note="planted: the targets dropped from the second sum (a sum of y_i over k is K y_i)",
    ),
]
