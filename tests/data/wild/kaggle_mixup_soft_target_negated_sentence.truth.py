import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# a and b are one-hot labels (stated), lambda in [0, 1] (stated); y = lambda a + (1 - lambda) b is
# then a probability vector ("not necessarily one-hot").


def sample(rng, n):
    return Point(
        z=reals(rng, n), a=one_hot(rng, n), b=one_hot(rng, n), lam=mp.mpf(rng.uniform(0, 1))
    )


def y(v):
    return [v.lam * s + (1 - v.lam) * t for s, t in zip(v.a, v.b)]


def L(v, z):
    return -sum(y(v)[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


p = lambda v, i: softmax(v.z)[i - 1]
I = ("i",)

STEPS = [
    Step(6, 7, kind="definition"),
    Step(10, 4, kind="definition"),
    Step(
        14,
        5,
        lhs=lambda v, n: L(v, v.z),
        rhs=lambda v, n: (
            -v.lam * sum(v.a[k] * mp.log(p(v, k + 1)) for k in range(n))
            - (1 - v.lam) * sum(v.b[k] * mp.log(p(v, k + 1)) for k in range(n))
        ),
    ),
    Step(
        20,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: L(v, z), v.z, i),
        rhs=lambda v, n, i: -y(v)[i - 1] + p(v, i) * sum(y(v)),
    ),
    Step(
        20,
        67,
        indices=I,
        lhs=lambda v, n, i: -y(v)[i - 1] + p(v, i) * sum(y(v)),
        rhs=lambda v, n, i: p(v, i) - y(v)[i - 1],
        note="y is a probability vector (stated)",
    ),
    Step(
        20,
        79,
        indices=I,
        lhs=lambda v, n, i: p(v, i) - y(v)[i - 1],
        rhs=lambda v, n, i: p(v, i) - v.lam * v.a[i - 1] - (1 - v.lam) * v.b[i - 1],
    ),
]
