import mpmath as mp
from truth import Point, Step, reals, softmax

SIZES = (2,)  # the section judged here has two classes


def sample(rng, n):
    return Point(z=reals(rng, n))  # the scores of one example m (the same for every m)


def e(v, k):
    return mp.exp(v.z[k - 1])


def Yhat(v, k):  # the batch softmax of the document, at K = 2
    return softmax(v.z)[k - 1]


STEPS = [
    Step(6, 16, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(16, 16, lhs=lambda v, n: Yhat(v, 1), rhs=lambda v, n: e(v, 1) / (e(v, 1) + e(v, 2))),
    Step(
        16,
        61,
        lhs=lambda v, n: e(v, 1) / (e(v, 1) + e(v, 2)),
        rhs=lambda v, n: 1 / (1 + mp.exp(v.z[1] - v.z[0])),
    ),
    Step(20, 16, lhs=lambda v, n: Yhat(v, 2), rhs=lambda v, n: e(v, 2) / (e(v, 1) + e(v, 2))),
    Step(  # planted: the exponent of the first class's form copied; it is z_{m1} - z_{m2}
        20,
        61,
        lhs=lambda v, n: e(v, 2) / (e(v, 1) + e(v, 2)),
        rhs=lambda v, n: 1 / (1 + mp.exp(v.z[1] - v.z[0])),
    ),
    Step(
        24,
        73,
        lhs=lambda v, n: 1 / (1 + mp.exp(v.z[1] - v.z[0])) + 1 / (1 + mp.exp(v.z[0] - v.z[1])),
        rhs=lambda v, n: mp.mpf(1),
    ),
]
