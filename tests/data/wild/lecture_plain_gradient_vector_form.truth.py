import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# z the logits (plain letters, entries with an index), yhat = softmax(z), y one-hot (stated),
# L = -sum y_k log yhat_k. The vector forms are dL/dz_r = yhat_r - y_r entry by entry; the
# exam answer's y - yhat has the sign flipped.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def yhat(v, i):
    return softmax(v.z)[i - 1]


def L(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def dL(v, i):
    return d(lambda z: L(v, z), v.z, i)


I = ("i",)
STEPS = [
    Step(6, 13, kind="definition"),
    Step(10, 5, kind="definition"),
    Step(
        14, 35, indices=I, lhs=lambda v, n, i: dL(v, i), rhs=lambda v, n, i: yhat(v, i) - v.y[i - 1]
    ),
    Step(
        18, 33, indices=I, lhs=lambda v, n, i: dL(v, i), rhs=lambda v, n, i: yhat(v, i) - v.y[i - 1]
    ),
    Step(
        22, 14, indices=I, lhs=lambda v, n, i: dL(v, i), rhs=lambda v, n, i: yhat(v, i) - v.y[i - 1]
    ),
    Step(
        26, 16, indices=I, lhs=lambda v, n, i: dL(v, i), rhs=lambda v, n, i: v.y[i - 1] - yhat(v, i)
    ),
]
