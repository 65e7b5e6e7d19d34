from truth import Point, Step, d, delta, one_hot, reals, softmax

# One sample n of a batch, written y_{nk}, z_{nk}, t_{nk} (the sample first, no comma) with a
# primed class index k'. Only row n matters for every step (the batch objective J of the last
# step too: only row n depends on z_{nk}), so a point is one row. kp is k'.
# Planted: dE_n/dy_{nk} = t/y, the minus of -log dropped.


def sample(rng, n):
    return Point(z=reals(rng, n), t=one_hot(rng, n))


def y(v, k):
    return softmax(v.z)[k - 1]


def loss(v, z):
    from mpmath import log

    return -sum(t * log(q) for t, q in zip(v.t, softmax(z), strict=True))


def dy(v, kp, k):
    return d(lambda z: softmax(z)[kp - 1], v.z, k)


def total(v):
    from mpmath import exp

    return sum(exp(x) for x in v.z)


def e(v, k):
    from mpmath import exp

    return exp(v.z[k - 1])


STEPS = [
    Step(6, 10, kind="definition"),
    Step(11, 5, kind="definition"),
    Step(15, 7, kind="definition"),
    Step(
        22,
        44,
        indices=("kp", "k"),
        case="kp != k",
        lhs=lambda v, n, kp, k: dy(v, kp, k),
        rhs=lambda v, n, kp, k: -e(v, kp) * e(v, k) / total(v) ** 2,
    ),
    Step(
        22,
        111,
        indices=("kp", "k"),
        case="kp != k",
        lhs=lambda v, n, kp, k: -e(v, kp) * e(v, k) / total(v) ** 2,
        rhs=lambda v, n, kp, k: -y(v, kp) * y(v, k),
    ),
    Step(
        26,
        43,
        indices=("k",),
        lhs=lambda v, n, k: dy(v, k, k),
        rhs=lambda v, n, k: e(v, k) / total(v) - e(v, k) ** 2 / total(v) ** 2,
    ),
    Step(
        26,
        147,
        indices=("k",),
        lhs=lambda v, n, k: e(v, k) / total(v) - e(v, k) ** 2 / total(v) ** 2,
        rhs=lambda v, n, k: y(v, k) * (1 - y(v, k)),
    ),
    Step(
        30,
        44,
        indices=("kp", "k"),
        lhs=lambda v, n, kp, k: dy(v, kp, k),
        rhs=lambda v, n, kp, k: y(v, kp) * (delta(k, kp) - y(v, k)),
    ),
    Step(
        36,
        40,
        indices=("k",),
        lhs=lambda v, n, k: -v.t[k - 1] / y(v, k),
        rhs=lambda v, n, k: v.t[k - 1] / y(v, k),
        note="planted: the minus of -log dropped",
    ),
    Step(
        40,
        40,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: loss(v, z), v.z, k),
        rhs=lambda v, n, k: -sum(v.t[kp - 1] * (delta(k, kp) - y(v, k)) for kp in range(1, n + 1)),
    ),
    Step(
        40,
        89,
        indices=("k",),
        lhs=lambda v, n, k: -sum(v.t[kp - 1] * (delta(k, kp) - y(v, k)) for kp in range(1, n + 1)),
        rhs=lambda v, n, k: y(v, k) - v.t[k - 1],
    ),
    Step(
        44,
        38,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda z: loss(v, z), v.z, k),
        rhs=lambda v, n, k: y(v, k) - v.t[k - 1],
    ),
]
