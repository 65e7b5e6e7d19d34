import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    return Point(z=reals(rng, n))


def s(v, i):
    return softmax(v.z)[i - 1]


def ds(v, i, k):
    return d(lambda z: softmax(z)[i - 1], v.z, k)


IK = ("i", "k")
EXAMPLE = [mp.mpf(1), mp.mpf(2), mp.mpf(3)]  # stated: K = 3, z = (1, 2, 3)
Z = sum(mp.exp(t) for t in EXAMPLE)


def sx(i):
    return softmax(EXAMPLE)[i - 1]


STEPS = [
    Step(5, 7, kind="definition"),
    Step(
        12,
        35,
        indices=IK,
        lhs=lambda v, n, i, k: ds(v, i, k),
        rhs=lambda v, n, i, k: s(v, i) * (1 - s(v, i)) if i == k else -s(v, i) * s(v, k),
        note="the cases display, both branches (one position)",
    ),
    Step(
        22,
        35,
        indices=IK,
        lhs=lambda v, n, i, k: ds(v, i, k),
        rhs=lambda v, n, i, k: s(v, i) * (delta(i, k) - s(v, k)),
    ),
    Step(
        27,
        52,
        indices=("k",),
        lhs=lambda v, n, k: sum(ds(v, i, k) for i in range(1, n + 1)),
        rhs=lambda v, n, k: s(v, k) - s(v, k) * sum(s(v, i) for i in range(1, n + 1)),
    ),
    Step(
        27,
        83,
        indices=("k",),
        lhs=lambda v, n, k: s(v, k) - s(v, k) * sum(s(v, i) for i in range(1, n + 1)),
        rhs=lambda v, n, k: mp.mpf(0),
    ),
    # the example, at the stated z = (1, 2, 3); the \approx roundings are not equalities
    Step(33, 7, lhs=lambda v, n: sx(1), rhs=lambda v, n: mp.e / Z),
    Step(33, 62, lhs=lambda v, n: sx(2), rhs=lambda v, n: mp.e**2 / Z),
    Step(33, 117, lhs=lambda v, n: sx(3), rhs=lambda v, n: mp.e**3 / Z),
    Step(
        37,
        37,
        lhs=lambda v, n: d(lambda z: softmax(z)[0], EXAMPLE, 3),
        rhs=lambda v, n: -sx(1) * sx(3),
    ),
    Step(37, 48, lhs=lambda v, n: -sx(1) * sx(3), rhs=lambda v, n: -(mp.e**4) / Z**2),
]
