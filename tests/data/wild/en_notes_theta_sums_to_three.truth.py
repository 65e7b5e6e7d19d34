from truth import Point, Step, d, one_hot, reals, softmax

# Three classes (SIZES = 3): ŷ = softmax(θ), y one-hot (said in words), J(θ) the cross-entropy.
# Each "=> ∂_{θ_i} J = …" restates the derivative. Planted: a swapped index, δ_ij - ŷ_j for
# δ_ij - ŷ_i. θ = (1, 2, 3) is an example's value, not a step.

SIZES = (3,)


def sample(rng, n):
    return Point(theta=reals(rng, n), y=one_hot(rng, n))


def yh(v, k):
    return softmax(v.theta)[k - 1]


def dyh(v, i, k):
    return d(lambda t: softmax(t)[i - 1], v.theta, k)


def dJ(v, i):
    from mpmath import log

    return d(lambda t: -sum(a * log(q) for a, q in zip(v.y, softmax(t), strict=True)), v.theta, i)


def delta(a, b):
    return 1 if a == b else 0


I = ("i",)
IK = ("i", "k")

STEPS = [
    Step(5, 13, kind="definition"),
    Step(10, 13, kind="definition"),
    Step(
        12,
        78,
        indices=I,
        lhs=lambda v, n, i: dyh(v, i, i),
        rhs=lambda v, n, i: yh(v, i) * (1 - yh(v, i)),
    ),
    Step(
        13,
        52,
        indices=IK,
        case="i != k",
        lhs=lambda v, n, i, k: dyh(v, i, k),
        rhs=lambda v, n, i, k: -yh(v, i) * yh(v, k),
    ),
    Step(
        15,
        33,
        indices=IK,
        lhs=lambda v, n, i, k: dyh(v, i, k),
        rhs=lambda v, n, i, k: yh(v, i) * (delta(i, k) - yh(v, k)),
    ),
    Step(
        19,
        25,
        indices=I,
        lhs=lambda v, n, i: dJ(v, i),
        rhs=lambda v, n, i: -sum(v.y[j - 1] / yh(v, j) * dyh(v, j, i) for j in range(1, n + 1)),
    ),
    Step(
        19,
        118,
        indices=I,
        lhs=lambda v, n, i: dJ(v, i),
        rhs=lambda v, n, i: -sum(v.y[j - 1] * (delta(i, j) - yh(v, j)) for j in range(1, n + 1)),
        note="planted: swapped index, ŷ_j for ŷ_i",
    ),
    Step(
        21,
        28,
        indices=I,
        lhs=lambda v, n, i: dJ(v, i),
        rhs=lambda v, n, i: -v.y[i - 1] + yh(v, i) * sum(v.y),
    ),
    Step(
        25,
        28,
        indices=I,
        lhs=lambda v, n, i: dJ(v, i),
        rhs=lambda v, n, i: yh(v, i) - v.y[i - 1],
    ),
    Step(27, 26, kind="definition"),
]
