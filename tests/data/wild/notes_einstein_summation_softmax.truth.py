import mpmath as mp
from truth import Point, Step, d, d2, delta, one_hot, reals, softmax

# The stated Einstein convention: k repeated in a product is summed over 1..K, so k is never a
# free index of these steps. y is one-hot.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


p = lambda v, i: softmax(v.z)[i - 1]
dp = lambda v, k, i: d(lambda z: softmax(z)[k - 1], v.z, i)
ks = lambda n: range(1, n + 1)
y = lambda v, k: v.y[k - 1]


def L(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


I = ("i",)
contracted = lambda v, n, i: -sum(y(v, k) * (delta(k, i) - p(v, i)) for k in ks(n))

STEPS = [
    Step(9, 7, kind="definition"),
    Step(
        16,
        37,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dp(v, k, i),
        rhs=lambda v, n, k, i: p(v, k) * (delta(k, i) - p(v, i)),
    ),
    Step(
        20,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: L(v, z), v.z, i),
        rhs=lambda v, n, i: -sum(y(v, k) / p(v, k) * dp(v, k, i) for k in ks(n)),
    ),
    Step(
        20,
        87,
        indices=I,
        lhs=lambda v, n, i: -sum(y(v, k) / p(v, k) * dp(v, k, i) for k in ks(n)),
        rhs=contracted,
    ),
    Step(
        20,
        113,
        indices=I,
        lhs=contracted,
        rhs=lambda v, n, i: -y(v, i) + p(v, i) * y(v, i),
        note="planted: y_k p_i contracted to p_i y_i",
    ),
    Step(25, 27, indices=I, lhs=contracted, rhs=lambda v, n, i: p(v, i) - y(v, i)),
    Step(
        29,
        50,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d2(lambda z: L(v, z), v.z, i, j),
        rhs=lambda v, n, i, j: dp(v, i, j),
    ),
    Step(
        29,
        86,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * delta(i, j) - p(v, i) * p(v, j),
    ),
]
