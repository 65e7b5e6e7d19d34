from truth import Point, Step, d, delta, one_hot, reals, softmax

# One sample i of a batch: Z_{ik} the logits, Y_{ik} the one-hot labels (stated in Chinese),
# Y_{\text{pred},ik} the softmax of row i, L_i the sample's loss. Every step is about row i, so
# a point is one row.
# Planted: the last step's sign (Y_pred + Y for Y_pred - Y).


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(v, k):
    return softmax(v.z)[k - 1]


def cross_entropy(v, q):
    from mpmath import log

    return -sum(t * log(x) for t, x in zip(v.y, q, strict=True))


def dloss(v, l):
    return d(lambda z: cross_entropy(v, softmax(z)), v.z, l)


def chain(v, n, l):
    return -sum(v.y[k - 1] * (delta(k, l) - p(v, l)) for k in range(1, n + 1))


STEPS = [
    Step(7, 20, kind="definition"),
    Step(13, 5, kind="definition"),
    Step(
        21,
        50,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda q: cross_entropy(v, q), softmax(v.z), k),
        rhs=lambda v, n, k: -v.y[k - 1] / p(v, k),
    ),
    Step(
        27,
        53,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: softmax(z)[k - 1], v.z, k),
        rhs=lambda v, n, k: p(v, k) * (1 - p(v, k)),
    ),
    Step(
        33,
        53,
        indices=("k", "l"),
        case="k != l",
        lhs=lambda v, n, k, l: d(lambda z: softmax(z)[k - 1], v.z, l),
        rhs=lambda v, n, k, l: -p(v, k) * p(v, l),
    ),
    Step(
        39,
        38,
        indices=("l",),
        lhs=lambda v, n, l: dloss(v, l),
        rhs=lambda v, n, l: dloss(v, l),
    ),
    Step(
        39,
        156,
        indices=("l",),
        lhs=lambda v, n, l: dloss(v, l),
        rhs=lambda v, n, l: chain(v, n, l),
    ),
    Step(
        45,
        38,
        indices=("l",),
        lhs=lambda v, n, l: dloss(v, l),
        rhs=lambda v, n, l: p(v, l) + v.y[l - 1],
        note="planted: the sign of Y_{il}",
    ),
]
