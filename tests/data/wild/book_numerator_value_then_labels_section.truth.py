import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# y is the indicator of the true class (the "Labels" section at the end defines it): one-hot


def sample(rng, n):
    return Point(a=reals(rng, n), y=one_hot(rng, n))


def Z(v):
    return sum(mp.exp(t) for t in v.a)


def e(v, k):
    return mp.exp(v.a[k - 1])


def S(v, k):
    return softmax(v.a)[k - 1]


def dS(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def dL(v, j):
    return d(lambda a: -sum(t * mp.log(s) for t, s in zip(v.y, softmax(a))), v.a, j)


def quotient(v, n, i, j):
    return (d(lambda a: mp.exp(a[i - 1]), v.a, j) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2


def substituted(v, n, i, j):
    return (delta(i, j) * e(v, i) * Z(v) - e(v, i) * e(v, j)) / Z(v) ** 2


IJ = ("i", "j")


def chain(v, n, j):
    return -sum(v.y[k - 1] * (delta(k, j) - S(v, j)) for k in range(1, n + 1))


def summed(v, n, j):
    return S(v, j) * sum(v.y) - v.y[j - 1]


STEPS = [
    Step(6, 35, indices=IJ, lhs=lambda v, n, i, j: dS(v, i, j), rhs=quotient),
    # line 11 writes the numerator's derivative alone; "$$= …$$" gives its value
    Step(
        16,
        1,
        indices=IJ,
        lhs=lambda v, n, i, j: d(lambda a: mp.exp(a[i - 1]), v.a, j),
        rhs=lambda v, n, i, j: delta(i, j) * e(v, i),
    ),
    Step(22, 35, indices=IJ, lhs=lambda v, n, i, j: dS(v, i, j), rhs=substituted),
    Step(
        22,
        128,
        indices=IJ,
        lhs=substituted,
        rhs=lambda v, n, i, j: S(v, i) * (delta(i, j) - S(v, j)),
    ),
    Step(
        28,
        35,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dS(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * S(v, j),
        note="planted: the minus sign is lost",
    ),
    Step(34, 3, kind="definition"),
    Step(40, 33, indices=("j",), lhs=lambda v, n, j: dL(v, j), rhs=chain),
    Step(40, 83, indices=("j",), lhs=chain, rhs=summed),
    Step(40, 106, indices=("j",), lhs=summed, rhs=lambda v, n, j: S(v, j) - v.y[j - 1]),
    Step(46, 5, kind="definition"),
]
