import mpmath as mp
from truth import Point, Step, d, delta, distribution, one_hot, reals, softmax

# stated: T is a temperature (T > 0), the soft targets t sum to one; "with hard labels t = y"
# is the special case of one-hot targets, taken at the true class (y_i = 1)


def sample(rng, n):
    return Point(
        z=reals(rng, n),
        t=distribution(rng, n),
        y=one_hot(rng, n),
        T=mp.mpf(rng.uniform(0.5, 5)),
    )


def q(z, T):
    return softmax([x / T for x in z])


def dL(v, i, targets, T):
    """∂L/∂z_i of L = -Σ_k targets_k log q_k(z / T)."""
    return d(lambda z: -sum(t * mp.log(s) for t, s in zip(targets, q(z, T))), v.z, i)


def hot(v):
    return 1 + [float(x) for x in v.y].index(1.0)


I = ("i",)


def summed(v, n, i):
    return -sum(v.t[k - 1] * (delta(i, k) - q(v.z, v.T)[i - 1]) for k in range(1, n + 1)) / v.T


STEPS = [
    Step(6, 5, kind="definition"),
    Step(12, 3, kind="definition"),
    Step(18, 33, indices=I, lhs=lambda v, n, i: dL(v, i, v.t, v.T), rhs=summed),
    Step(
        18,
        79,
        indices=I,
        lhs=summed,
        rhs=lambda v, n, i: (q(v.z, v.T)[i - 1] - v.t[i - 1]) / v.T,
    ),
    # "For T = 1 this is the familiar": the same gradient at T = 1
    Step(
        24,
        33,
        indices=I,
        lhs=lambda v, n, i: dL(v, i, v.t, 1),
        rhs=lambda v, n, i: q(v.z, 1)[i - 1] - v.t[i - 1],
    ),
    # one-hot targets y, at the true class
    Step(
        30,
        33,
        lhs=lambda v, n: dL(v, hot(v), v.y, v.T),
        rhs=lambda v, n: (q(v.z, v.T)[hot(v) - 1] - 1) / v.T,
    ),
    Step(
        36,
        37,
        indices=I,
        lhs=lambda v, n, i: v.T**2 * dL(v, i, v.t, v.T),
        rhs=lambda v, n, i: v.T * (q(v.z, v.T)[i - 1] - v.t[i - 1]),
    ),
    Step(
        42,
        33,
        indices=I,
        lhs=lambda v, n, i: dL(v, i, v.t, v.T),
        rhs=lambda v, n, i: q(v.z, v.T)[i - 1] - v.t[i - 1],
        note="planted: the 1/T of the chain rule is lost",
    ),
]
