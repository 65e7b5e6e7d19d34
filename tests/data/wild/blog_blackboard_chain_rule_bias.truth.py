import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# theta: the logits, yhat = softmax(theta), y one-hot, J = -sum y_i log yhat_i.
# Numerator layout: [dJ/dtheta]_c = sum_r dJ/dyhat_r dyhat_r/dtheta_c; the denominator-layout
# product is the same number (the softmax Jacobian is symmetric). The last step drops the sign:
# -dJ/dtheta = y - yhat, not yhat - y.


def sample(rng, n):
    return Point(t=reals(rng, n), y=one_hot(rng, n))


def yhat(v, i):
    return softmax(v.t)[i - 1]


def J(v, t):
    return -sum(v.y[k] * mp.log(softmax(t)[k]) for k in range(len(t)))


def dJ(v, c):
    return d(lambda t: J(v, t), v.t, c)


def dJdyhat(v, r):
    return -v.y[r - 1] / yhat(v, r)


def jac(v, r, c):
    return d(lambda t: softmax(t)[r - 1], v.t, c)


C = ("c",)
STEPS = [
    Step(12, 11, kind="definition"),
    Step(18, 3, kind="definition"),
    Step(
        27,
        62,
        indices=C,
        lhs=lambda v, n, c: dJ(v, c),
        rhs=lambda v, n, c: sum(dJdyhat(v, r) * jac(v, r, c) for r in range(1, n + 1)),
    ),
    Step(
        33,
        45,
        indices=C,
        lhs=lambda v, n, c: dJ(v, c),
        rhs=lambda v, n, c: sum(jac(v, c, r) * dJdyhat(v, r) for r in range(1, n + 1)),
    ),
    Step(
        39,
        39,
        indices=("i",),
        lhs=lambda v, n, i: d(
            lambda yh: -sum(v.y[k] * mp.log(yh[k]) for k in range(n)),
            [yhat(v, k) for k in range(1, n + 1)],
            i,
        ),
        rhs=lambda v, n, i: -v.y[i - 1] / yhat(v, i),
    ),
    Step(
        45,
        46,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: jac(v, i, j),
        rhs=lambda v, n, i, j: yhat(v, i) * ((1 if i == j else 0) - yhat(v, j)),
    ),
    Step(
        51,
        45,
        indices=C,
        lhs=lambda v, n, c: dJ(v, c),
        rhs=lambda v, n, c: yhat(v, c) - v.y[c - 1],
    ),
    Step(
        57,
        46,
        indices=C,
        lhs=lambda v, n, c: -dJ(v, c),
        rhs=lambda v, n, c: yhat(v, c) - v.y[c - 1],
    ),
]
