import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# Softmax written with \cfrac, its denominator as e^{x_1}+e^{x_2}...+e^{x_K} (the dots are the
# rest of the sum), the two cases in brace-wrapped aligned displays with '\\\\' rows. Planted:
# the combined formula swaps an index, y_i(δ_ij - y_i) for y_i(δ_ij - y_j); it holds only when
# i = j.


def sample(rng, n):
    return Point(x=reals(rng, n))


def e(v, k):
    return mp.exp(v.x[k - 1])


def S(v):
    return sum(mp.exp(t) for t in v.x)


def y(v, k):
    return softmax(v.x)[k - 1]


def dy(v, i, j):
    return d(lambda x: softmax(x)[i - 1], v.x, j)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


IJ = ("i", "j")

STEPS = [
    Step(5, 7, kind="definition"),
    Step(7, 18, kind="definition"),
    Step(
        7,
        85,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda x: sum(mp.exp(t) for t in x), v.x, j),
        rhs=lambda v, n, j: e(v, j),
    ),
    *chain(
        [(15, 56), (15, 105), (15, 161)],
        [
            lambda v, n, i, j: dy(v, i, j),
            lambda v, n, i, j: (e(v, i) * S(v) - e(v, i) * e(v, j)) / S(v) ** 2,
            lambda v, n, i, j: e(v, i) / S(v) * (S(v) - e(v, j)) / S(v),
            lambda v, n, i, j: y(v, i) * (1 - y(v, j)),
        ],
        indices=IJ,
        case="i = j",
    ),
    *chain(
        [(21, 56), (21, 105), (21, 158)],
        [
            lambda v, n, i, j: dy(v, i, j),
            lambda v, n, i, j: (0 * S(v) - e(v, i) * e(v, j)) / S(v) ** 2,
            lambda v, n, i, j: -e(v, i) / S(v) * e(v, j) / S(v),
            lambda v, n, i, j: -y(v, i) * y(v, j),
        ],
        indices=IJ,
        case="i != j",
    ),
    Step(
        27,
        38,
        indices=IJ,
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: y(v, i) * (delta(i, j) - y(v, i)),
        note="planted: y_i where y_j belongs in the combined Jacobian",
    ),
]
