from truth import Point, Step, d, reals, softmax

# The term at j = i of the Jacobian row is written sigma_i(1 + sigma_i): a sign slip (it is
# sigma_i(1 - sigma_i)); the row then does not sum to zero as written.


def sample(rng, n):
    return Point(a=reals(rng, n))


def s(v, k):
    return softmax(v.a)[k - 1]


def run(v, n, i):  # as written between the dots
    return sum(s(v, k) * (-s(v, i)) for k in range(1, n + 1) if k != i) + s(v, i) * (1 + s(v, i))


def collected(v, n, i):
    return -s(v, i) * (1 - s(v, i)) + s(v, i) * (1 + s(v, i))


I = ("i",)
STEPS = [
    Step(2, 47, kind="definition"),
    Step(
        3,
        41,
        indices=("j", "i"),
        case="j != i",
        lhs=lambda v, n, j, i: d(lambda a: softmax(a)[j - 1], v.a, i),
        rhs=lambda v, n, j, i: -s(v, j) * s(v, i),
    ),
    Step(
        5,
        57,
        indices=I,
        lhs=lambda v, n, i: sum(d(lambda a: softmax(a)[j - 1], v.a, i) for j in range(1, n + 1)),
        rhs=lambda v, n, i: run(v, n, i),
    ),
    Step(
        9, 108, indices=I, lhs=lambda v, n, i: run(v, n, i), rhs=lambda v, n, i: collected(v, n, i)
    ),
    Step(9, 159, indices=I, lhs=lambda v, n, i: collected(v, n, i), rhs=lambda v, n, i: 0),
]
