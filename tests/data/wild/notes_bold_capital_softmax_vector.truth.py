from truth import Point, Step, d, delta, reals, softmax

# S (bold capital) is the column of softmax outputs the notes define entry by entry; g an upstream
# gradient. Vector steps are labelled at every entry (i) and matrix steps at every (i, j).


def sample(rng, n):
    return Point(a=reals(rng, n), g=reals(rng, n))


def S(v, i):
    return softmax(v.a)[i - 1]


def jac(v, i, j):  # dS_i / da_j
    return d(lambda a: softmax(a)[i - 1], v.a, j)


def jvp_t(v, n, i):  # (J^T g)_i
    return sum(jac(v, k, i) * v.g[k - 1] for k in range(1, n + 1))


def s_dot_g(v, n):
    return sum(S(v, k) * v.g[k - 1] for k in range(1, n + 1))


IJ = ("i", "j")

STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        9,
        65,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: S(v, i) * (delta(i, j) - S(v, j)),
    ),
    Step(
        12,
        51,
        indices=IJ,
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: delta(i, j) * S(v, i) - S(v, i) * S(v, j),
    ),
    Step(
        17,
        80,
        indices=("i",),
        lhs=lambda v, n, i: jvp_t(v, n, i),
        rhs=lambda v, n, i: S(v, i) * v.g[i - 1] - S(v, i) * s_dot_g(v, n),
    ),
    Step(  # the forum's version: the correction's sign flipped (wrong)
        21,
        80,
        indices=("i",),
        lhs=lambda v, n, i: jvp_t(v, n, i),
        rhs=lambda v, n, i: S(v, i) * v.g[i - 1] + S(v, i) * s_dot_g(v, n),
    ),
    Step(
        23,
        103,
        indices=("i",),
        lhs=lambda v, n, i: S(v, i) - S(v, i) ** 2,
        rhs=lambda v, n, i: S(v, i) * (1 - S(v, i)),
    ),
]
