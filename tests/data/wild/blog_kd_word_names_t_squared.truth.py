import mpmath as mp
from truth import Point, Step, d, delta, distribution, one_hot, reals, softmax

# Teacher probabilities p: a distribution (stated); labels y one-hot (stated). q is the softmax
# of z / T, s the softmax of z. Planted: the last display scales the soft gradient by 1/T where
# L_KD = T^2 L_soft gives T.


def sample(rng, n):
    return Point(
        z=reals(rng, n),
        p=distribution(rng, n),
        y=one_hot(rng, n),
        T=mp.mpf(rng.uniform(0.5, 4)),
        alpha=mp.mpf(rng.uniform(0, 1)),
    )


def soft(z, T):
    return softmax([t / T for t in z])


def l_soft(v, z):
    return -sum(a * mp.log(b) for a, b in zip(v.p, soft(z, v.T)))


def l_ce(v, z):
    return -sum(a * mp.log(b) for a, b in zip(v.y, softmax(z)))


def total(v, z):
    return v.alpha * l_ce(v, z) + (1 - v.alpha) * v.T**2 * l_soft(v, z)


def q(v, i):
    return soft(v.z, v.T)[i - 1]


def s(v, i):
    return softmax(v.z)[i - 1]


I = ("i",)

STEPS = [
    Step(7, 7, kind="definition"),
    Step(11, 7, kind="definition"),
    Step(17, 29, kind="definition"),
    Step(19, 20, kind="definition"),
    Step(
        23,
        59,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: l_soft(v, z), v.z, i),
        rhs=lambda v, n, i: (
            -sum(v.p[k - 1] * (delta(k, i) - q(v, i)) for k in range(1, n + 1)) / v.T
        ),
    ),
    Step(
        23,
        112,
        indices=I,
        lhs=lambda v, n, i: (
            -sum(v.p[k - 1] * (delta(k, i) - q(v, i)) for k in range(1, n + 1)) / v.T
        ),
        rhs=lambda v, n, i: (q(v, i) - v.p[i - 1]) / v.T,
    ),
    Step(27, 20, kind="definition"),
    Step(
        29,
        50,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: v.T**2 * l_soft(v, z), v.z, i),
        rhs=lambda v, n, i: v.T * (q(v, i) - v.p[i - 1]),
    ),
    Step(33, 23, kind="definition"),
    Step(
        35,
        53,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: total(v, z), v.z, i),
        rhs=lambda v, n, i: (
            v.alpha * (s(v, i) - v.y[i - 1]) + (1 - v.alpha) / v.T * (q(v, i) - v.p[i - 1])
        ),
        note="planted: (1 - alpha) T (q_i - p_i) is right",
    ),
]
