import mpmath as mp
from truth import Point, Step, d, dscalar, one_hot, positives, reals, softmax

# A Japanese memo: the softmax typed as e^x_j (meaning e^{x_j}), cross-entropy with one-hot
# targets t, a worked example at x = (1, 2) with decimals written to the digits shown (the
# author means ≈; dots say the digits go on), textbook derivatives mentioned in a sentence, the
# error term δ_j. Planted: p_2 = 0.7311… is written 0.732 (a slip, not a rounding), and the
# diagonal of the Jacobian is written p_j(1 + p_j) (it is p_j(1 - p_j)).


def sample(rng, n):
    return Point(x=reals(rng, n), t=one_hot(rng, n), u=positives(rng, 1)[0])


def loss(x, t):
    return -sum(tk * mp.log(pk) for tk, pk in zip(t, softmax(x), strict=True))


def p(v, k):
    return softmax(v.x)[k - 1]


EXAMPLE = [mp.mpf(1), mp.mpf(2)]
TOTAL = mp.e + mp.e**2


def const(x):
    return lambda v, n: x


STEPS = [
    Step(5, 7, kind="definition"),
    Step(7, 8, kind="definition"),
    Step(11, 4, kind="definition", note="the worked example's input"),
    Step(13, 5, kind="definition"),
    Step(13, 25, lhs=const(TOTAL), rhs=const(mp.e + mp.e**2)),
    Step(13, 35, lhs=const(TOTAL), rhs=const(TOTAL), note="10.107... is e + e^2 to its digits"),
    Step(15, 7, lhs=const(softmax(EXAMPLE)[0]), rhs=const(mp.e / TOTAL)),
    Step(15, 27, lhs=const(mp.e / TOTAL), rhs=const(mp.e / TOTAL), note="0.2689... ≈"),
    Step(17, 7, lhs=const(softmax(EXAMPLE)[1]), rhs=const(mp.e**2 / TOTAL)),
    Step(17, 27, lhs=const(mp.e**2 / TOTAL), rhs=const(mp.mpf("0.732")), note="planted: 0.7311"),
    Step(21, 30, lhs=lambda v, n: dscalar(mp.log, v.u), rhs=lambda v, n: 1 / v.u),
    Step(21, 71, lhs=lambda v, n: dscalar(mp.exp, v.u), rhs=lambda v, n: mp.exp(v.u)),
    Step(
        23,
        35,
        indices=("j",),
        lhs=lambda v, n, j: -v.t[j - 1] / p(v, j),
        rhs=lambda v, n, j: -v.t[j - 1] / p(v, j),
        note="∂E/∂p_j with E a function of p",
    ),
    Step(25, 4, kind="hypothesis", note="the case i = j"),
    Step(
        27,
        37,
        indices=("j", "i"),
        case="i = j",
        lhs=lambda v, n, j, i: d(lambda x: softmax(x)[j - 1], v.x, i),
        rhs=lambda v, n, j, i: p(v, j) * (1 + p(v, j)),
        note="planted: the sign",
    ),
    Step(29, 16, kind="definition"),
    Step(
        31,
        12,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda x: loss(x, v.t), v.x, j),
        rhs=lambda v, n, j: d(lambda x: loss(x, v.t), v.x, j),
        note="the chain rule over k",
    ),
    Step(
        31,
        87,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda x: loss(x, v.t), v.x, j),
        rhs=lambda v, n, j: p(v, j) - v.t[j - 1],
    ),
]
