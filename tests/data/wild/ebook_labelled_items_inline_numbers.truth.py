import mpmath as mp
from truth import Point, Step, d, positives, reals, softmax

# an ebook chapter: the parts of the quotient rule as bold-labelled list items whose sentence
# goes on ("- **Top**: $f' = … = e^{z_i}$. Nothing else …"), and arithmetic said in sentences;
# the f' = …, g' = … that open each item name the part (definitions); arithmetic as the premise
# of a sentence ("Since $…$, …"); a decimal slip and a subtraction slip are planted


def sample(rng, n):
    return Point(z=reals(rng, n), t=positives(rng, 1)[0] / 2)


def Z(v):
    return sum(mp.exp(t) for t in v.z)


def e(v, k):
    return mp.exp(v.z[k - 1])


def s(v, k):
    return softmax(v.z)[k - 1]


def ds(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


def const(x):
    return lambda v, n: x


IJ = ("i", "j")

STEPS = [
    Step(6, 11, kind="definition"),
    Step(
        16,
        39,
        lhs=lambda v, n: d(lambda y: -mp.log(y[0]), [v.t], 1),
        rhs=lambda v, n: -1 / v.t,
    ),
    Step(19, 133, lhs=const(mp.mpf(-1) / mp.mpf("0.8")), rhs=const(mp.mpf("-1.25"))),
    Step(19, 230, lhs=const(mp.mpf(-1) / mp.mpf("0.02")), rhs=const(mp.mpf(-50))),
    Step(19, 290, lhs=const(-mp.log(1)), rhs=const(mp.mpf(0))),
    Step(27, 16, kind="definition", note="f' names the derivative of the top"),
    Step(
        27,
        56,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: mp.exp(z[i - 1]), v.z, i),
        rhs=lambda v, n, i: e(v, i),
    ),
    Step(28, 19, kind="definition", note="g' names the derivative of the bottom"),
    Step(
        28,
        66,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: sum(mp.exp(t) for t in z), v.z, i),
        rhs=lambda v, n, i: e(v, i),
    ),
    Step(
        33,
        41,
        indices=("i",),
        lhs=lambda v, n, i: ds(v, i, i),
        rhs=lambda v, n, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
    ),
    Step(
        33,
        122,
        indices=("i",),
        lhs=lambda v, n, i: (e(v, i) * Z(v) - e(v, i) * e(v, i)) / Z(v) ** 2,
        rhs=lambda v, n, i: s(v, i) * (1 - s(v, i)),
    ),
    Step(38, 19, kind="definition", note="g' names the derivative of the bottom"),
    Step(
        38,
        66,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: d(lambda z: sum(mp.exp(t) for t in z), v.z, j),
        rhs=lambda v, n, i, j: e(v, j),
    ),
    Step(
        43,
        41,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: ds(v, i, j),
        rhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / Z(v) ** 2,
    ),
    Step(
        43,
        101,
        indices=IJ,
        case="i != j",
        lhs=lambda v, n, i, j: (0 - e(v, i) * e(v, j)) / Z(v) ** 2,
        rhs=lambda v, n, i, j: -s(v, i) * s(v, j),
    ),
    Step(46, 114, lhs=const(mp.mpf("-0.3") * mp.mpf("0.5")), rhs=const(mp.mpf("-0.15"))),
    Step(
        46,
        195,
        lhs=const(mp.mpf("-0.007") * mp.mpf("0.5")),
        rhs=const(mp.mpf("-0.035")),
        note="planted: -0.0035 written with a digit lost",
    ),
    Step(48, 18, lhs=const(mp.mpf("0.3") + mp.mpf("0.5")), rhs=const(mp.mpf("0.8"))),
    Step(
        48,
        91,
        lhs=const(1 - mp.mpf("0.8")),
        rhs=const(mp.mpf("0.3")),
        note="planted: 1 - 0.8 is 0.2",
    ),
]
