import mpmath as mp
from truth import Point, Step, d, reals, softmax

# kramdown leaves single-dollar math to MathJax as text: "\\ " reaches it as "\ ", a space
# (the cases block writes its row break as four backslashes). The last display (q undefined)
# has no meaning to transcribe.


def sample(rng, n):
    return Point(x=reals(rng, n))


def Z(v):
    return sum(mp.exp(t) for t in v.x)


def e(v, k):
    return mp.exp(v.x[k - 1])


def S(v, k):
    return softmax(v.x)[k - 1]


def dS(v, i, k):
    return d(lambda x: softmax(x)[i - 1], v.x, k)


IK = ("i", "k")

STEPS = [
    Step(10, 6, kind="definition"),
    Step(
        16,
        36,
        indices=IK,
        lhs=lambda v, n, i, k: dS(v, i, k),
        rhs=lambda v, n, i, k: ((e(v, i) if i == k else 0) * Z(v) - e(v, i) * e(v, k)) / Z(v) ** 2,
    ),
    Step(
        22,
        36,
        indices=("i",),
        lhs=lambda v, n, i: dS(v, i, i),
        rhs=lambda v, n, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
    ),
    Step(
        22,
        113,
        indices=("i",),
        lhs=lambda v, n, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
        rhs=lambda v, n, i: e(v, i) / Z(v) * (Z(v) - e(v, i)) / Z(v),
    ),
    Step(
        22,
        197,
        indices=("i",),
        lhs=lambda v, n, i: e(v, i) / Z(v) * (Z(v) - e(v, i)) / Z(v),
        rhs=lambda v, n, i: S(v, i) * (1 - S(v, i)),
    ),
    Step(
        26,
        36,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: dS(v, i, k),
        rhs=lambda v, n, i, k: (0 - e(v, i) * e(v, k)) / Z(v) ** 2,
    ),
    Step(
        26,
        94,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: (0 - e(v, i) * e(v, k)) / Z(v) ** 2,
        rhs=lambda v, n, i, k: -e(v, i) / Z(v) * e(v, k) / Z(v),
    ),
    Step(
        26,
        163,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: -e(v, i) / Z(v) * e(v, k) / Z(v),
        rhs=lambda v, n, i, k: S(v, i) * S(v, k),
        note="planted: the minus sign of the off-diagonal entry is lost",
    ),
]
