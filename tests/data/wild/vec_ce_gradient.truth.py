import mpmath as mp
from truth import Point, Step, d, d2, delta, distribution, reals, softmax


def sample(rng, n):
    # stated: y is a target distribution, 1^T y = 1
    return Point(o=reals(rng, n), y=distribution(rng, n))


def p(v):
    return softmax(v.o)


def L_of_p(v, q):
    return -sum(yk * mp.log(qk) for yk, qk in zip(v.y, q, strict=True))


def L(v, o):
    return L_of_p(v, softmax(o))


def grad_p(v, k):
    return d(lambda q: L_of_p(v, q), p(v), k)


def jac(v, i, j):
    return d(lambda o: softmax(o)[i - 1], v.o, j)


def J(v, i, j):
    q = p(v)
    return delta(i, j) * q[i - 1] - q[i - 1] * q[j - 1]


def step3(v, n, i):
    """-y + p (p^T (y ⊘ p)), entry i."""
    q = p(v)
    inner = sum(q[k] * (v.y[k] / q[k]) for k in range(n))
    return -v.y[i - 1] + q[i - 1] * inner


def step4(v, n, i):
    return -v.y[i - 1] + p(v)[i - 1] * sum(v.y)


VEC = ("i",)

STEPS = [
    Step(13, 34, kind="hypothesis"),
    Step(21, 18, kind="definition"),
    Step(
        22,
        18,
        lhs=lambda v, n: -sum(v.y[k] * mp.log(p(v)[k]) for k in range(n)),
        rhs=lambda v, n: (
            -sum(yk * lk for yk, lk in zip(v.y, [mp.log(t) for t in p(v)], strict=True))
        ),
    ),
    Step(
        26,
        25,
        indices=VEC,
        lhs=lambda v, n, i: grad_p(v, i),
        rhs=lambda v, n, i: -v.y[i - 1] / p(v)[i - 1],
    ),
    Step(
        34,
        6,
        indices=VEC,
        lhs=lambda v, n, i: d(lambda o: L(v, o), v.o, i),
        rhs=lambda v, n, i: sum(jac(v, j, i) * grad_p(v, j) for j in range(1, n + 1)),
        note="J^T times the gradient in p, J the actual softmax Jacobian",
    ),
    Step(
        35,
        6,
        indices=VEC,
        lhs=lambda v, n, i: sum(jac(v, j, i) * grad_p(v, j) for j in range(1, n + 1)),
        rhs=lambda v, n, i: sum(J(v, i, j) * (-v.y[j - 1] / p(v)[j - 1]) for j in range(1, n + 1)),
    ),
    Step(
        37,
        6,
        indices=VEC,
        lhs=lambda v, n, i: sum(J(v, i, j) * (-v.y[j - 1] / p(v)[j - 1]) for j in range(1, n + 1)),
        rhs=step3,
    ),
    Step(38, 6, indices=VEC, lhs=step3, rhs=step4),
    Step(
        39,
        6,
        indices=VEC,
        lhs=step4,
        rhs=lambda v, n, i: p(v)[i - 1] - v.y[i - 1],
        note="uses the stated 1^T y = 1",
    ),
    Step(
        49,
        27,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d2(lambda o: L(v, o), v.o, i, j),
        rhs=lambda v, n, i, j: jac(v, i, j),
    ),
    Step(
        50,
        5,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: J(v, i, j),
    ),
]
