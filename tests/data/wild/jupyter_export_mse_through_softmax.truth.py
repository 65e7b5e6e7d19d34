import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax


def sample(rng, n):
    # stated: targets t one-hot
    return Point(z=reals(rng, n), t=one_hot(rng, n))


def o(v, k):
    return softmax(v.z)[k - 1]


def mse(v, z):
    return sum((ok - tk) ** 2 for ok, tk in zip(softmax(z), v.t, strict=True)) / 2


def ce(v, z):
    return -sum(tk * mp.log(ok) for ok, tk in zip(softmax(z), v.t, strict=True))


def t(v, k):
    return v.t[k - 1]


def ks(n):
    return range(1, n + 1)


J = ("j",)

STEPS = [
    Step(
        13,
        37,
        indices=("k", "j"),
        lhs=lambda v, n, k, j: d(lambda z: softmax(z)[k - 1], v.z, j),
        rhs=lambda v, n, k, j: o(v, k) * (delta(k, j) - o(v, j)),
    ),
    Step(17, 5, kind="definition"),
    Step(
        21,
        35,
        indices=J,
        lhs=lambda v, n, j: d(lambda z: mse(v, z), v.z, j),
        rhs=lambda v, n, j: sum(
            (o(v, k) - t(v, k)) * o(v, k) * (delta(k, j) - o(v, j)) for k in ks(n)
        ),
    ),
    Step(
        21,
        83,
        indices=J,
        lhs=lambda v, n, j: sum(
            (o(v, k) - t(v, k)) * o(v, k) * (delta(k, j) - o(v, j)) for k in ks(n)
        ),
        rhs=lambda v, n, j: (
            o(v, j) * (o(v, j) - t(v, j))
            - o(v, j) * sum(o(v, k) * (o(v, k) - t(v, k)) for k in ks(n))
        ),
    ),
    Step(31, 5, kind="definition", note="E redefined in a new section: now the cross-entropy"),
    Step(
        33,
        35,
        indices=J,
        lhs=lambda v, n, j: d(lambda z: ce(v, z), v.z, j),
        rhs=lambda v, n, j: (
            -sum(t(v, k) / o(v, k) * o(v, k) * (delta(k, j) - o(v, j)) for k in ks(n))
        ),
    ),
    Step(
        33,
        86,
        indices=J,
        lhs=lambda v, n, j: (
            -sum(t(v, k) / o(v, k) * o(v, k) * (delta(k, j) - o(v, j)) for k in ks(n))
        ),
        rhs=lambda v, n, j: -t(v, j) + o(v, j) * sum(v.t),
    ),
    Step(
        33,
        109,
        indices=J,
        lhs=lambda v, n, j: -t(v, j) + o(v, j) * sum(v.t),
        rhs=lambda v, n, j: o(v, j) - t(v, j),
    ),
]
