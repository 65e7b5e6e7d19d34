import mpmath as mp
from truth import Point, Step

# A logistic-regression note in row vectors (the score x θ^T in the exponent, as round 84's
# French report writes it) and the rules of calculus it relies on, in primed letters beside
# h(x) = f(g(x)). Planted: the chain rule's shortcut (f(g(x)))' = f'(x) g'(x), which the text
# itself calls wrong. The rules are evaluated for particular functions (f = sin, g = exp + 2):
# a rule that holds for every function holds for these, and the shortcut fails for them.


def sample(rng, n):
    return Point(s=mp.mpf(rng.uniform(-3, 3)), x=mp.mpf(rng.uniform(-1.5, 1.5)))


def f(t):
    return mp.sin(t)


def g(t):
    return mp.exp(t) + 2


def d(fn, t):
    return mp.diff(fn, t)


D = "definition"
STEPS = [
    Step(5, 5, kind=D),
    Step(
        9,
        32,
        lhs=lambda v, n: 1 / (1 + mp.exp(-v.s)),
        rhs=lambda v, n: mp.exp(v.s) / (mp.exp(v.s) + 1),
    ),
    Step(
        13,
        47,
        lhs=lambda v, n: 1 - mp.exp(v.s) / (mp.exp(v.s) + 1),
        rhs=lambda v, n: 1 / (mp.exp(v.s) + 1),
    ),
    Step(17, 30, kind=D),
    Step(
        17,
        56,
        lhs=lambda v, n: d(lambda t: f(g(t)), v.x),
        rhs=lambda v, n: d(f, g(v.x)) * d(g, v.x),
    ),
    Step(
        19,
        29,
        lhs=lambda v, n: d(lambda t: f(t) / g(t), v.x),
        rhs=lambda v, n: (d(f, v.x) * g(v.x) - f(v.x) * d(g, v.x)) / g(v.x) ** 2,
    ),
    Step(
        23,
        12,
        lhs=lambda v, n: d(lambda t: f(t) * g(t), v.x),
        rhs=lambda v, n: d(f, v.x) * g(v.x) + f(v.x) * d(g, v.x),
    ),
    Step(
        27,
        14,
        lhs=lambda v, n: d(lambda t: f(g(t)), v.x),
        rhs=lambda v, n: d(f, v.x) * d(g, v.x),
        note="planted (and called wrong by the text): f' must be taken at g(x)",
    ),
]
