from truth import Point, Step, d, reals, softmax

# Softmax(x_i): the i-th entry of the softmax of x; p(x_i) said (in Korean) to mean it.
# The arrows are no equalities. The last step plants a sign error (-p(x_i) for p(x_i)).


def sample(rng, n):
    return Point(x=reals(rng, n))


def p(v, k):
    return softmax(v.x)[k - 1]


def dp(v, k, i):
    return d(lambda x: softmax(x)[k - 1], v.x, i)


STEPS = [
    Step(8, 22, kind="definition"),
    Step(
        16,
        39,
        indices=("k",),
        lhs=lambda v, n, k: dp(v, k, k),
        rhs=lambda v, n, k: p(v, k) * (1 - p(v, k)),
    ),
    Step(
        16,
        109,
        indices=("k",),
        lhs=lambda v, n, k: -1 / p(v, k) * p(v, k) * (1 - p(v, k)),
        rhs=lambda v, n, k: p(v, k) - 1,
    ),
    Step(
        20,
        39,
        indices=("i", "k"),
        case="i != k",
        lhs=lambda v, n, i, k: dp(v, k, i),
        rhs=lambda v, n, i, k: -p(v, k) * p(v, i),
    ),
    Step(
        20,
        101,
        indices=("i", "k"),
        case="i != k",
        lhs=lambda v, n, i, k: -1 / p(v, k) * (-p(v, k) * p(v, i)),
        rhs=lambda v, n, i, k: -p(v, i),
        note="planted: the product of two negatives written negative",
    ),
]
