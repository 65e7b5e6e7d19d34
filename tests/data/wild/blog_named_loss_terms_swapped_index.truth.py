import mpmath as mp
from truth import Point, Step, d, delta, dscalar, one_hot, reals, softmax


def sample(rng, n):
    # "With one-hot labels": y is drawn one-hot
    return Point(u=reals(rng, n), y=one_hot(rng, n))


def q(v, k):
    return softmax(v.u)[k - 1]


def dq(v, k, i):
    return d(lambda u: softmax(u)[k - 1], v.u, i)


def dell(v, k):
    # ell_k = y_k log q_k (L = -sum ell_k), differentiated by q_k as a variable of its own
    return dscalar(lambda x: v.y[k - 1] * mp.log(x), q(v, k))


def L(u, y):
    return -sum(yk * mp.log(qk) for yk, qk in zip(y, softmax(u), strict=True))


def ks(n):
    return range(1, n + 1)


STEPS = [
    Step(4, 6, kind="definition"),
    Step(4, 34, kind="definition", note="names the term: ell_k = y_k log q_k"),
    Step(6, 8, kind="definition"),
    Step(
        8,
        41,
        indices=("k",),
        lhs=lambda v, n, k: dell(v, k),
        rhs=lambda v, n, k: dscalar(lambda x: v.y[k - 1] * mp.log(x), q(v, k)),
    ),
    Step(
        8,
        104,
        indices=("k",),
        lhs=lambda v, n, k: dscalar(lambda x: v.y[k - 1] * mp.log(x), q(v, k)),
        rhs=lambda v, n, k: v.y[k - 1] / q(v, k),
    ),
    Step(
        10,
        38,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dq(v, k, i),
        rhs=lambda v, n, k, i: q(v, k) * (delta(k, i) - q(v, i)),
    ),
    Step(
        12,
        36,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda u: L(u, v.y), v.u, i),
        rhs=lambda v, n, i: -sum(dell(v, k) * dq(v, k, i) for k in ks(n)),
    ),
    Step(
        12,
        122,
        indices=("i",),
        lhs=lambda v, n, i: -sum(dell(v, k) * dq(v, k, i) for k in ks(n)),
        # planted: q_k(delta_ki - q_k), the index of the Jacobian swapped
        rhs=lambda v, n, i: (
            -sum(v.y[k - 1] / q(v, k) * q(v, k) * (delta(k, i) - q(v, k)) for k in ks(n))
        ),
    ),
    Step(
        12,
        176,
        indices=("i",),
        lhs=lambda v, n, i: (
            -sum(v.y[k - 1] / q(v, k) * q(v, k) * (delta(k, i) - q(v, k)) for k in ks(n))
        ),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - q(v, i)) for k in ks(n)),
    ),
    Step(
        12,
        215,
        indices=("i",),
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - q(v, i)) for k in ks(n)),
        rhs=lambda v, n, i: q(v, i) * sum(v.y) - v.y[i - 1],
    ),
]
