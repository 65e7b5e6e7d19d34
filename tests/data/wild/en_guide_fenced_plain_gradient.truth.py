import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# Plain text in fenced blocks without a language. "`y` is one-hot" is said in prose; the cases
# of the softmax derivative are announced in inline code. Planted: the `j ≠ i` case drops the
# minus sign (dp_i/dz_j = p_i × p_j). The chain continued on '=' lines after a sentence uses the
# right sign, and its last line uses Σ_j y_j = 1.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def dp(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def dL(v, i):
    return d(lambda z: -sum(yk * mp.log(q) for yk, q in zip(v.y, softmax(z))), v.z, i)


def ks(n):
    return range(1, n + 1)


I = ("i",)
IJ = ("i", "j")

STEPS = [
    Step(7, 5, kind="definition"),
    Step(8, 3, kind="definition"),
    Step(
        17,
        11,
        indices=IJ,
        case="i = j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (1 - p(v, i)),
    ),
    Step(
        23,
        11,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * p(v, j),
        note="planted: the off-diagonal derivative without its minus sign",
    ),
    Step(
        29,
        9,
        indices=I,
        lhs=lambda v, n, i: dL(v, i),
        rhs=lambda v, n, i: -sum(v.y[j - 1] / p(v, j) * dp(v, j, i) for j in ks(n)),
    ),
    Step(
        36,
        1,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[j - 1] / p(v, j) * dp(v, j, i) for j in ks(n)),
        rhs=lambda v, n, i: (
            -v.y[i - 1] * (1 - p(v, i)) + sum(v.y[j - 1] * p(v, i) for j in ks(n) if j != i)
        ),
    ),
    Step(
        37,
        1,
        indices=I,
        lhs=lambda v, n, i: (
            -v.y[i - 1] * (1 - p(v, i)) + sum(v.y[j - 1] * p(v, i) for j in ks(n) if j != i)
        ),
        rhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
    ),
    Step(
        38,
        1,
        indices=I,
        lhs=lambda v, n, i: -v.y[i - 1] + p(v, i) * sum(v.y),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
    ),
]
