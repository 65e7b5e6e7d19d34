import mpmath as mp
from truth import Point, Step, d, delta, one_hot, reals, softmax

# A Jekyll post (front matter) on softmax + cross-entropy whose displays end with "=" and go on in
# the next display ("$$\frac{\partial L}{\partial z_k} =$$" then "$$-y_k + … =$$" then
# "$$p_k - y_k$$"): each step is labelled at the trailing "=" of the display that opens it, with
# the next display as its right side. p_k (softmax), the one-hot target with Σ y_k = 1 (a stated
# hypothesis) and L = -Σ y_i log p_i are given inline in the first paragraph. The restated
# L = -Σ y_i z_i + Σ y_i log Σ e^{z_j} is a step (it holds for any y); the next one uses Σ y = 1.
# ∂L/∂p_i = -y_i/p_i differentiates L as a function of the probabilities. The "=" inside the
# sum limits (\sum_{j=1}) and the code span are not labelled. No planted slip: every step holds.


def sample(rng, n):
    return Point(z=reals(rng, n), y=one_hot(rng, n))


def p(z, i):
    return softmax(z)[i - 1]


def S(v):
    return mp.fsum(mp.exp(t) for t in v.z)


def loss(y, z):
    return -mp.fsum(y[i] * mp.log(softmax(z)[i]) for i in range(len(z)))


def yz(v):
    return mp.fsum(a * b for a, b in zip(v.y, v.z))


I = ("i",)
K = ("k",)

STEPS = [
    Step(8, 98, kind="definition"),
    Step(8, 191, kind="hypothesis", note="the one-hot target sums to one"),
    Step(8, 216, kind="definition"),
    Step(
        12,
        12,
        indices=I,
        lhs=lambda v, n, i: mp.log(p(v.z, i)),
        rhs=lambda v, n, i: v.z[i - 1] - mp.log(S(v)),
        note="continued in the next display",
    ),
    Step(
        18,
        5,
        lhs=lambda v, n: loss(v.y, v.z),
        rhs=lambda v, n: -yz(v) + mp.fsum(v.y) * mp.log(S(v)),
    ),
    Step(
        18,
        80,
        lhs=lambda v, n: -yz(v) + mp.fsum(v.y) * mp.log(S(v)),
        rhs=lambda v, n: -yz(v) + mp.log(S(v)),
        note="continued in the next display; uses Σ y = 1 (stated)",
    ),
    Step(
        24,
        35,
        indices=K,
        lhs=lambda v, n, k: d(lambda z: loss(v.y, z), v.z, k),
        rhs=lambda v, n, k: -v.y[k - 1] + mp.exp(v.z[k - 1]) / S(v),
        note="continued in the next display",
    ),
    Step(
        26,
        49,
        indices=K,
        lhs=lambda v, n, k: -v.y[k - 1] + mp.exp(v.z[k - 1]) / S(v),
        rhs=lambda v, n, k: p(v.z, k) - v.y[k - 1],
        note="continued in the next display",
    ),
    Step(
        32,
        37,
        indices=("i", "k"),
        lhs=lambda v, n, i, k: d(lambda z: p(z, i), v.z, k),
        rhs=lambda v, n, i, k: p(v.z, i) * (delta(i, k) - p(v.z, k)),
        note="continued in the next display",
    ),
    Step(
        36,
        56,
        indices=I,
        lhs=lambda v, n, i: d(
            lambda q: -mp.fsum(t * mp.log(r) for t, r in zip(v.y, q)), softmax(v.z), i
        ),
        rhs=lambda v, n, i: -v.y[i - 1] / p(v.z, i),
    ),
]
