import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax

# y is a probability vector (stated). The last display speaks of an unnormalised y, but the
# steps there hold (or fail) for every y, so y is sampled on the simplex throughout.


def sample(rng, n):
    return Point(z=reals(rng, n), y=distribution(rng, n))


def p(z, i):
    return softmax(z)[i - 1]


def loss(y, z):
    return -sum(y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


def lse(z):
    return mp.log(sum(mp.exp(t) for t in z))


KI = ("k", "i")
I = ("i",)

STEPS = [
    Step(
        15,
        41,
        indices=KI,
        lhs=lambda v, n, k, i: d(lambda z: mp.log(p(z, k)), v.z, i),
        rhs=lambda v, n, k, i: d(lambda z: z[k - 1] - lse(z), v.z, i),
    ),
    Step(
        16,
        2,
        indices=KI,
        lhs=lambda v, n, k, i: d(lambda z: z[k - 1] - lse(z), v.z, i),
        rhs=lambda v, n, k, i: delta(k, i) - mp.exp(v.z[i - 1]) / sum(mp.exp(t) for t in v.z),
    ),
    Step(16, 86, kind="definition", note="the aside 'delta_ki = 1 iff k = i', no equation"),
    Step(16, 105, kind="definition", note="the aside, continued"),
    Step(
        17,
        2,
        indices=KI,
        lhs=lambda v, n, k, i: delta(k, i) - mp.exp(v.z[i - 1]) / sum(mp.exp(t) for t in v.z),
        rhs=lambda v, n, k, i: delta(k, i) - p(v.z, i),
    ),
    Step(
        23,
        37,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: loss(v.y, z), v.z, i),
        rhs=lambda v, n, i: (
            -sum(v.y[k - 1] * d(lambda z: mp.log(p(z, k)), v.z, i) for k in range(1, n + 1))
        ),
    ),
    Step(
        24,
        2,
        indices=I,
        lhs=lambda v, n, i: (
            -sum(v.y[k - 1] * d(lambda z: mp.log(p(z, k)), v.z, i) for k in range(1, n + 1))
        ),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v.z, i)) for k in range(1, n + 1)),
    ),
    Step(
        25,
        2,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v.z, i)) for k in range(1, n + 1)),
        rhs=lambda v, n, i: -v.y[i - 1] + p(v.z, i) * sum(v.y),
    ),
    Step(25, 70, kind="hypothesis"),
    Step(
        26,
        2,
        indices=I,
        lhs=lambda v, n, i: -v.y[i - 1] + p(v.z, i) * sum(v.y),
        rhs=lambda v, n, i: p(v.z, i) - v.y[i - 1],
        note="uses that y sums to one (stated)",
    ),
    Step(
        33,
        37,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: loss(v.y, z), v.z, i),
        rhs=lambda v, n, i: p(v.z, i) * sum(v.y) - v.y[i - 1],
    ),
    Step(33, 86, kind="definition"),
    Step(
        34,
        2,
        indices=I,
        lhs=lambda v, n, i: p(v.z, i) * sum(v.y) - v.y[i - 1],
        rhs=lambda v, n, i: sum(v.y) * p(v.z, i) + v.y[i - 1],
        note="planted: the sign of y_i",
    ),
]
