import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# stated: the logits a (any vector), p = softmax(a), L = -Σ_k y_k log p_k,
# the target y one-hot. Line 2 says the diagonal entry "if i = j" (the "otherwise" part is no
# equation); line 3 the off-diagonal entry "when i ≠ j" (sign slip); line 4 is a classmate's
# formula the writer does not trust (a mention, no step). Periods between factors are products.


def sample(rng, n):
    return Point(a=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.a)[k - 1]


def dp(v, i, j):
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def dL(v, i):
    return d(lambda a: -sum(y * mp.log(s) for y, s in zip(v.y, softmax(a))), v.a, i)


IJ = ("i", "j")
I = ("i",)


def y(v, k):
    return v.y[k - 1]


def others(v, n, i, term):
    return sum(term(k) for k in range(1, n + 1) if k != i)


STEPS = [
    Step(1, 72, kind="definition"),
    Step(1, 133, kind="definition"),
    Step(
        2,
        82,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        3,
        77,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
    ),
    Step(
        6,
        37,
        indices=I,
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: (
            -y(v, i) / p(v, i) * p(v, i) * (1 - p(v, i))
            + others(v, n, i, lambda k: y(v, k) / p(v, k) * p(v, k) * p(v, i))
        ),
    ),
    Step(
        7,
        27,
        indices=I,
        lhs=lambda v, n, i: (
            -y(v, i) / p(v, i) * p(v, i) * (1 - p(v, i))
            + others(v, n, i, lambda k: y(v, k) / p(v, k) * p(v, k) * p(v, i))
        ),
        rhs=lambda v, n, i: (
            -y(v, i) + y(v, i) * p(v, i) + others(v, n, i, lambda k: y(v, k) * p(v, i))
        ),
    ),
    Step(
        8,
        27,
        indices=I,
        lhs=lambda v, n, i: (
            -y(v, i) + y(v, i) * p(v, i) + others(v, n, i, lambda k: y(v, k) * p(v, i))
        ),
        rhs=lambda v, n, i: p(v, i) * sum(v.y) - y(v, i),
    ),
    Step(
        9,
        27,
        indices=I,
        lhs=lambda v, n, i: p(v, i) * sum(v.y) - y(v, i),
        rhs=lambda v, n, i: p(v, i) + y(v, i),
    ),
]
