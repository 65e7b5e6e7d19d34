import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# a README whose prediction ŷ is the output layer's softmax, said only in words ("the
# activation function for the output layer is the softmax"); the target is one-hot;
# planted: the gradient subtracted the other way round


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def loss(v, z):
    return -sum(yi * mp.log(pi) for yi, pi in zip(v.y, softmax(z)))


def chain(v, n, j):
    """The middle side as written: -Σ_i y_i/ŷ_i ∂ŷ_i/∂z_j."""
    s = softmax(v.z)
    return -sum(
        v.y[i - 1] / s[i - 1] * d(lambda z, i=i: softmax(z)[i - 1], v.z, j) for i in range(1, n + 1)
    )


STEPS = [
    Step(6, 15, kind="definition"),
    Step(13, 15, kind="definition"),
    Step(
        19,
        45,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d(lambda z: softmax(z)[i - 1], v.z, j),
        rhs=lambda v, n, i, j: softmax(v.z)[i - 1] * (delta(i, j) - softmax(v.z)[j - 1]),
    ),
    Step(25, 35, indices=("j",), lhs=lambda v, n, j: d(lambda z: loss(v, z), v.z, j), rhs=chain),
    Step(
        25,
        112,
        indices=("j",),
        lhs=chain,
        rhs=lambda v, n, j: softmax(v.z)[j - 1] - v.y[j - 1],
    ),
    Step(
        31,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(v, z), v.z, j),
        rhs=lambda v, n, j: v.y[j - 1] - softmax(v.z)[j - 1],
    ),
]
