import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# A post restating the softmax + cross-entropy gradient display after display with the same left
# side \frac{\partial E}{\partial z_i} = …, after "Substituting the values for when $i = j$ and
# $i \ne j$", with short remarks between the displays ("Since $\hat{y}_i$ is constant with
# respect to $j$, …"). Each display is the true ∂E/∂z_i against its right side. The softmax
# derivative said in prose has one relation sign and two values ("when $i = j$ … when
# $i \ne j$"): the value the index case selects. Planted: the third display writes the sum as
# Σ_{j≠i} y_j ŷ_j (a wrong index; it is y_j ŷ_i, as the next remark and display show).


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def yh(v, i):
    return softmax(v.z)[i - 1]


def y(v, i):
    return v.y[i - 1]


def jac(v, j, i):
    """∂ŷ_j/∂z_i."""
    return d(lambda z: softmax(z)[j - 1], v.z, i)


def E(z, t):
    return -mp.fsum(tj * mp.log(q) for tj, q in zip(t, softmax(z)))


def dE(v, n, i):
    return d(lambda z: E(z, v.y), v.z, i)


def others(n, i):
    return [j for j in range(1, n + 1) if j != i]


I = ("i",)


def restated(line, rhs, note=""):
    return Step(line, 35, indices=I, lhs=dE, rhs=rhs, note=note)


STEPS = [
    Step(3, 57, kind="definition"),
    Step(5, 5, kind="definition"),
    Step(
        7,
        82,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: jac(v, j, i),
        rhs=lambda v, n, i, j: yh(v, j) * (1 - yh(v, i)) if i == j else -yh(v, j) * yh(v, i),
        note="two values after one sign: the one the index case selects",
    ),
    Step(
        9,
        35,
        indices=I,
        lhs=dE,
        rhs=lambda v, n, i: -mp.fsum(y(v, j) / yh(v, j) * jac(v, j, i) for j in range(1, n + 1)),
    ),
    restated(
        13,
        lambda v, n, i: (
            -y(v, i) / yh(v, i) * yh(v, i) * (1 - yh(v, i))
            - mp.fsum(y(v, j) / yh(v, j) * (-yh(v, j) * yh(v, i)) for j in others(n, i))
        ),
    ),
    restated(
        17,
        lambda v, n, i: (
            -y(v, i) * (1 - yh(v, i)) + mp.fsum(y(v, j) * yh(v, j) for j in others(n, i))
        ),
        note="planted: ŷ_j for ŷ_i in the sum",
    ),
    restated(
        21,
        lambda v, n, i: (
            -y(v, i) + y(v, i) * yh(v, i) + yh(v, i) * mp.fsum(y(v, j) for j in others(n, i))
        ),
    ),
    restated(25, lambda v, n, i: -y(v, i) + yh(v, i) * mp.fsum(v.y)),
    Step(27, 36, kind="hypothesis", note="the one-hot target sums to 1"),
    restated(29, lambda v, n, i: yh(v, i) - y(v, i)),
]
