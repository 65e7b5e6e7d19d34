import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax

# Softmax and cross-entropy in symbols (general labels), then the case of a logit that is not
# the correct class (one-hot labels, y_j = 0), then a worked example at z = (2.0, 1.0, 0.1)
# with the label the first class, every number rounded to three decimals (the author means ≈;
# each rounded step is transcribed as the value it stands for). Planted: the gradient at the
# correct class is p_i + 1 (it is p_i - 1), and 2.718 / 11.213 is 0.242, not 0.224.


def sample(rng, n):
    return Point(z=reals(rng, n), y=[mp.mpf(rng.uniform(-2, 2)) for _ in range(n)])


def loss(z, y):
    p = softmax(z)
    return -sum(y[k] * mp.log(p[k]) for k in range(len(z)))


def p(v, k):
    return softmax(v.z)[k - 1]


def ks(n):
    return range(1, n + 1)


def hot_elsewhere(j, n):
    """A one-hot label whose class is not j (the text: z_j is not the correct class)."""
    c = 1 if j != 1 else 2
    return [mp.mpf(delta(k, c)) for k in ks(n)]


def hot_at(i, n):
    return [mp.mpf(delta(k, i)) for k in ks(n)]


Z = [mp.mpf("2.0"), mp.mpf("1.0"), mp.mpf("0.1")]
E = [mp.exp(t) for t in Z]
TOTAL = sum(E)


def const(x):
    return lambda v, n: x


STEPS = [
    Step(
        8,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: loss(z, v.y), v.z, i),
        rhs=lambda v, n, i: (
            -sum(v.y[k - 1] / p(v, k) * p(v, k) * (delta(k, i) - p(v, i)) for k in ks(n))
        ),
    ),
    Step(
        8,
        84,
        indices=("i",),
        lhs=lambda v, n, i: (
            -sum(v.y[k - 1] / p(v, k) * p(v, k) * (delta(k, i) - p(v, i)) for k in ks(n))
        ),
        rhs=lambda v, n, i: p(v, i) * sum(v.y) - v.y[i - 1],
    ),
    Step(
        12,
        35,
        indices=("j",),
        lhs=lambda v, n, j: d(lambda z: loss(z, hot_elsewhere(j, n)), v.z, j),
        rhs=lambda v, n, j: p(v, j),
        note="z_j is not the correct class: one-hot labels with y_j = 0",
    ),
    Step(
        16,
        35,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: loss(z, hot_at(i, n)), v.z, i),
        rhs=lambda v, n, i: p(v, i) + 1,
        note="planted: at the correct class the gradient is p_i - 1",
    ),
    Step(23, 25, lhs=const(TOTAL), rhs=const(TOTAL), note="rounded: ≈ (11.2125…)"),
    Step(27, 24, lhs=const(E[0] / TOTAL), rhs=const(E[0] / TOTAL), note="rounded: ≈"),
    Step(
        27,
        61,
        lhs=const(mp.mpf("2.718") / mp.mpf("11.213")),
        rhs=const(mp.mpf("0.224")),
        note="planted: 2.718 / 11.213 = 0.2424, written 0.224",
    ),
    Step(27, 98, lhs=const(E[2] / TOTAL), rhs=const(E[2] / TOTAL), note="rounded: ≈"),
    Step(
        31,
        35,
        lhs=lambda v, n: d(lambda z: loss(z, hot_at(1, 3)), Z, 1),
        rhs=lambda v, n: softmax(Z)[0] - 1,
        note="the label is the first class",
    ),
]
