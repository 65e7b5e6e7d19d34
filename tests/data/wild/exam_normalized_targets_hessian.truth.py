import mpmath as mp
from truth import Point, Step, d, d2, delta, distribution, reals, softmax

# "The targets t_1..t_C are nonnegative and normalized": t is a probability distribution.
# v is an arbitrary vector (the quadratic form).


def sample(rng, n):
    return Point(o=reals(rng, n), t=distribution(rng, n), v=reals(rng, n))


def p(v, k):
    return softmax(v.o)[k - 1]


def E(v, o):
    return -sum(v.t[c] * mp.log(softmax(o)[c]) for c in range(len(o)))


def H(v, k, m):
    return d2(lambda o: E(v, o), v.o, k, m)


cs = lambda n: range(1, n + 1)
K = ("k",)
KM = ("k", "m")

STEPS = [
    Step(8, 7, kind="definition"),
    Step(13, 5, kind="definition"),
    Step(
        19,
        6,
        indices=K,
        lhs=lambda v, n, k: d(lambda o: E(v, o), v.o, k),
        rhs=lambda v, n, k: -sum(v.t[c - 1] * (delta(c, k) - p(v, k)) for c in cs(n)),
    ),
    Step(
        20,
        6,
        indices=K,
        lhs=lambda v, n, k: -sum(v.t[c - 1] * (delta(c, k) - p(v, k)) for c in cs(n)),
        rhs=lambda v, n, k: -v.t[k - 1] + p(v, k) * sum(v.t),
    ),
    Step(
        21,
        6,
        indices=K,
        lhs=lambda v, n, k: -v.t[k - 1] + p(v, k) * sum(v.t),
        rhs=lambda v, n, k: p(v, k) - v.t[k - 1],
        note="uses the stated normalization",
    ),
    Step(
        28,
        6,
        indices=KM,
        lhs=lambda v, n, k, m: H(v, k, m),
        rhs=lambda v, n, k, m: d(lambda o: softmax(o)[k - 1], v.o, m),
    ),
    Step(
        29,
        6,
        indices=KM,
        lhs=lambda v, n, k, m: d(lambda o: softmax(o)[k - 1], v.o, m),
        rhs=lambda v, n, k, m: p(v, k) * (delta(k, m) - p(v, m)),
    ),
    Step(
        33,
        50,
        indices=K,
        lhs=lambda v, n, k: H(v, k, k),
        rhs=lambda v, n, k: p(v, k) * (1 - p(v, k)),
    ),
    Step(
        38,
        5,
        lhs=lambda v, n: sum(v.v[k - 1] * v.v[m - 1] * H(v, k, m) for k in cs(n) for m in cs(n)),
        rhs=lambda v, n: (
            sum(p(v, k) * v.v[k - 1] ** 2 for k in cs(n))
            + sum(p(v, k) * v.v[k - 1] for k in cs(n)) ** 2
        ),
        note="planted: the square of the mean enters with a minus sign",
    ),
]
