import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# lecture notes in LaTeX: "t is one hot encoded: t_j = 1 for the true class", so j is the true
# class throughout and t_k = delta_kj; planted: the Kronecker delta dropped (y_i - 1 for every i)


def sample(rng, n):
    return Point(z=reals(rng, n))


def yhat(v, i):
    return softmax(v.z)[i - 1]


def E(z, j):
    return -mp.log(softmax(z)[j - 1])


def dE(v, i, j):
    return d(lambda z: E(z, j), v.z, i)


J = ("j",)
IJ = ("i", "j")

STEPS = [
    Step(7, 4, kind="definition"),
    Step(
        8,
        4,
        indices=J,
        lhs=lambda v, n, j: -sum(delta(k, j) * mp.log(yhat(v, k)) for k in range(1, n + 1)),
        rhs=lambda v, n, j: -mp.log(yhat(v, j)),
    ),
    Step(
        9,
        4,
        indices=J,
        lhs=lambda v, n, j: -mp.log(yhat(v, j)),
        rhs=lambda v, n, j: -v.z[j - 1] + mp.log(sum(mp.exp(x) for x in v.z)),
    ),
    Step(
        13,
        34,
        indices=IJ,
        lhs=lambda v, n, i, j: dE(v, i, j),
        rhs=lambda v, n, i, j: yhat(v, i) - delta(i, j),
    ),
    Step(
        14,
        2,
        indices=IJ,
        lhs=lambda v, n, i, j: yhat(v, i) - delta(i, j),
        rhs=lambda v, n, i, j: yhat(v, i) - delta(i, j),
    ),
    Step(
        18,
        33,
        indices=IJ,
        lhs=lambda v, n, i, j: dE(v, i, j),
        rhs=lambda v, n, i, j: yhat(v, i) - 1,
        note="planted: the Kronecker delta dropped",
    ),
]
