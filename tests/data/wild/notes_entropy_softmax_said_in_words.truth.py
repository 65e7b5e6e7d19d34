import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# p is the softmax of the logits z (said in words); Z = sum_k e^{z_k}; H = -sum_i p_i log p_i.
SIZES = (2, 3, 4)


def sample(rng, n):
    return Point(z=reals(rng, n))


def p(v, k, z=None):
    return softmax(v.z if z is None else z)[k - 1]


def logZ(v):
    return mp.log(sum(mp.exp(t) for t in v.z))


def H(z):
    return -sum(q * mp.log(q) for q in softmax(z))


def terms(v, n, i):
    return -sum(p(v, j) * (delta(i, j) - p(v, i)) * (mp.log(p(v, j)) + 1) for j in range(1, n + 1))


STEPS = [
    Step(6, 5, kind="definition"),
    Step(
        6,
        28,
        lhs=lambda v, n: H(v.z),
        rhs=lambda v, n: (
            -sum(p(v, k) * v.z[k - 1] for k in range(1, n + 1))
            + sum(p(v, k) * logZ(v) for k in range(1, n + 1))
        ),
    ),
    Step(
        6,
        66,
        lhs=lambda v, n: (
            -sum(p(v, k) * v.z[k - 1] for k in range(1, n + 1))
            + sum(p(v, k) * logZ(v) for k in range(1, n + 1))
        ),
        rhs=lambda v, n: logZ(v) - sum(p(v, k) * v.z[k - 1] for k in range(1, n + 1)),
    ),
    Step(
        10,
        37,
        indices=("i", "j"),
        lhs=lambda v, n, i, j: d(lambda z: p(v, j, z), v.z, i),
        rhs=lambda v, n, i, j: p(v, j) * (delta(i, j) - p(v, i)),
    ),
    Step(
        14,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(H, v.z, i),
        rhs=lambda v, n, i: terms(v, n, i),
    ),
    Step(
        14,
        83,
        indices=("i",),
        lhs=lambda v, n, i: terms(v, n, i),
        rhs=lambda v, n, i: -p(v, i) * (mp.log(p(v, i)) - H(v.z)),
        note="sign slip: the gradient is -p_i (log p_i + H)",
    ),
]
