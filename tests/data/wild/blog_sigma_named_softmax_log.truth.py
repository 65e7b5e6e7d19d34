import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# σ is the text's name for the softmax (an equation says so). Planted: the last member of the
# gradient of the loss comes out with its sign flipped (Y_i - σ(A_i)).


def sample(rng, n):
    return Point(A=reals(rng, n), Y=one_hot(rng, n))


def s(a, k):
    return softmax(a)[k - 1]


def H(v, a):
    return -sum(v.Y[k - 1] * mp.log(s(a, k)) for k in range(1, len(a) + 1))


def delta(i, k):
    return 1 if i == k else 0


STEPS = [
    Step(5, 21, kind="definition"),
    Step(5, 33, kind="definition"),
    Step(
        11,
        45,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda a: s(a, i), v.A, i),
        rhs=lambda v, n, i: s(v.A, i) * (1 - s(v.A, i)),
    ),
    Step(
        15,
        20,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(s(v.A, k)),
        rhs=lambda v, n, k: v.A[k - 1] - mp.log(sum(mp.exp(x) for x in v.A)),
    ),
    Step(
        19,
        65,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda a: mp.log(s(a, k)), v.A, i),
        rhs=lambda v, n, i, k: delta(i, k) - mp.exp(v.A[i - 1]) / sum(mp.exp(x) for x in v.A),
    ),
    Step(
        19,
        124,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: delta(i, k) - mp.exp(v.A[i - 1]) / sum(mp.exp(x) for x in v.A),
        rhs=lambda v, n, i, k: delta(i, k) - s(v.A, i),
    ),
    Step(23, 5, kind="definition"),
    Step(
        25,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda a: H(v, a), v.A, i),
        rhs=lambda v, n, i: -sum(v.Y[k - 1] * (delta(i, k) - s(v.A, i)) for k in range(1, n + 1)),
    ),
    Step(
        25,
        85,
        indices=("i",),
        lhs=lambda v, n, i: -sum(v.Y[k - 1] * (delta(i, k) - s(v.A, i)) for k in range(1, n + 1)),
        rhs=lambda v, n, i: v.Y[i - 1] - s(v.A, i),
        note="planted: the sign of the gradient",
    ),
]
