import mpmath as mp
from truth import Point, Step, logsumexp, reals, softmax


def sample(rng, n):
    # "an arbitrary vector z of n scores and any constant b"
    return Point(z=reals(rng, n), b=mp.mpf(rng.uniform(-3, 3)))


def s(v, r):
    return softmax(v.z)[r - 1]


def shifted(v, r, sign):
    # entry r of softmax(z - b) (sign = -1) or the sum of exp(z_j + b) (sign = +1) written out
    return mp.exp(v.z[r - 1] + sign * v.b)


def total(v, sign):
    return sum(mp.exp(t + sign * v.b) for t in v.z)


R = ("r",)  # the entry of a vector equation
I = ("i",)

STEPS = [
    Step(9, 32, kind="definition"),
    Step(13, 30, kind="definition"),
    Step(
        21,
        31,
        indices=R,
        lhs=lambda v, n, r: s(v, r),
        rhs=lambda v, n, r: mp.exp(mp.log(mp.exp(v.z[r - 1]) / total(v, 0))),
    ),
    Step(
        22,
        2,
        indices=R,
        lhs=lambda v, n, r: mp.exp(mp.log(mp.exp(v.z[r - 1]) / total(v, 0))),
        rhs=lambda v, n, r: mp.exp(v.z[r - 1] - mp.log(total(v, 0))),
    ),
    Step(
        23,
        2,
        indices=R,
        lhs=lambda v, n, r: mp.exp(v.z[r - 1] - mp.log(total(v, 0))),
        rhs=lambda v, n, r: mp.exp(v.z[r - 1] - logsumexp(v.z)),
    ),
    Step(
        30,
        35,
        indices=R,
        lhs=lambda v, n, r: mp.log(s(v, r)),
        rhs=lambda v, n, r: v.z[r - 1] - logsumexp(v.z),
    ),
    Step(
        38,
        34,
        indices=R,
        lhs=lambda v, n, r: shifted(v, r, -1) / total(v, -1),
        rhs=lambda v, n, r: s(v, r),
    ),
    Step(
        44,
        32,
        lhs=lambda v, n: logsumexp(v.z),
        rhs=lambda v, n: logsumexp([t - v.b for t in v.z]) - v.b,
        note="sign slip: lse(z) = lse(z - b) + b",
    ),
    Step(
        51,
        27,
        indices=I,
        lhs=lambda v, n, i: softmax([t - v.b for t in v.z])[i - 1],
        rhs=lambda v, n, i: shifted(v, i, -1) / total(v, -1),
    ),
    Step(
        57,
        28,
        indices=I,
        lhs=lambda v, n, i: mp.log(s(v, i)),
        rhs=lambda v, n, i: v.z[i - 1] - v.b - mp.log(total(v, 1)),
        note="the shift enters the sum with the wrong sign: exp(z_j - b)",
    ),
]
