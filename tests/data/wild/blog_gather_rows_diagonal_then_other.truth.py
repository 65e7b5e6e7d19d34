import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


def yhat(v, k):
    return softmax(v.z)[k - 1]


def dy(v, j, m):
    return d(lambda z: softmax(z)[j - 1], v.z, m)


STEPS = [
    Step(7, 11, kind="definition"),
    Step(
        15,
        41,
        indices=("j",),
        lhs=lambda v, n, j: dy(v, j, j),
        rhs=lambda v, n, j: (e(v, j) * Z(v) - e(v, j) * e(v, j)) / Z(v) ** 2,
    ),
    Step(
        19,
        1,
        indices=("j",),
        lhs=lambda v, n, j: (e(v, j) * Z(v) - e(v, j) * e(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, j: yhat(v, j) * (1 - yhat(v, j)),
    ),
    Step(
        26,
        41,
        indices=("j", "m"),
        lhs=lambda v, n, j, m: dy(v, j, m),
        rhs=lambda v, n, j, m: dy(v, j, m),
    ),
    Step(
        28,
        1,
        indices=("j", "m"),
        case="j != m",
        lhs=lambda v, n, j, m: dy(v, j, m),
        rhs=lambda v, n, j, m: (0 * Z(v) - e(v, j) * e(v, m)) / Z(v) ** 2,
        note="the other entries: the text derived the diagonal with one letter before",
    ),
    Step(
        30,
        1,
        indices=("j", "m"),
        case="j != m",
        lhs=lambda v, n, j, m: -e(v, j) * e(v, m) / Z(v) ** 2,
        rhs=lambda v, n, j, m: yhat(v, j) * yhat(v, m),
        note="planted: the minus sign is lost",
    ),
]
