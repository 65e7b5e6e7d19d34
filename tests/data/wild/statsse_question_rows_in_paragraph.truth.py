import mpmath as mp
from truth import Point, Step, d, d2, delta, one_hot, reals, softmax

# a stats.SE question flattened to one paragraph: two $$…$$ blocks of rows aligned at "&="
# (\begin{aligned} and \eqalign) inside the sentences; the label is one-hot. Planted (the
# asker's mistake): the Jacobian entry written p_i (δ_ij + p_j).


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n))


def loss(v, o):
    p = softmax(o)
    return -sum(v.y[k] * mp.log(p[k]) for k in range(len(o)))


def p(v, k):
    return softmax(v.o)[k - 1]


def dp(v, k, i):
    return d(lambda o: softmax(o)[k - 1], v.o, i)


def ks(n):
    return range(1, n + 1)


STEPS = [
    Step(1, 36, kind="definition"),
    Step(1, 93, kind="definition"),
    Step(
        1,
        222,
        lhs=lambda v, n, i: d(lambda o: loss(v, o), v.o, i),
        rhs=lambda v, n, i: -sum(v.y[k - 1] / p(v, k) * dp(v, k, i) for k in ks(n)),
        indices=("i",),
    ),
    Step(
        1,
        286,
        lhs=lambda v, n, i: -sum(v.y[k - 1] / p(v, k) * dp(v, k, i) for k in ks(n)),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
        indices=("i",),
    ),
    Step(
        1,
        324,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in ks(n)),
        rhs=lambda v, n, i: p(v, i) * sum(v.y) - v.y[i - 1],
        indices=("i",),
    ),
    Step(
        1,
        535,
        lhs=lambda v, n, i, j: d2(lambda o: loss(v, o), v.o, i, j),
        rhs=lambda v, n, i, j: dp(v, i, j),
        indices=("i", "j"),
    ),
    Step(
        1,
        575,
        lhs=lambda v, n, i, j: dp(v, i, j),
        rhs=lambda v, n, i, j: p(v, i) * (delta(i, j) + p(v, j)),
        indices=("i", "j"),
        note="planted: the Jacobian entry is p_i (δ_ij - p_j)",
    ),
]
