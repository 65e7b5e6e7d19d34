import mpmath as mp
from truth import Point, Step, dscalar

# derivation cards under Setext headings (text over ---): sinh, tanh, coth written without
# their backslash and glued to x (sinhx, sech^{2}x, cosech^{2}x); y defined again on each card;
# the chain rule stated with \quad around '='. Planted: d(coth x)/dx = +cosech^2 x (sign).


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(0.3, 3)) * rng.choice([-1, 1]))


def sh(v):
    return mp.sinh(v.x)


def ch(v):
    return mp.cosh(v.x)


STEPS = [
    Step(4, 8, kind="definition"),
    Step(4, 16, lhs=lambda v, n: sh(v), rhs=lambda v, n: (mp.e**v.x - mp.e ** (-v.x)) / 2),
    Step(
        5,
        20,
        lhs=lambda v, n: dscalar(mp.sinh, v.x),
        rhs=lambda v, n: dscalar(lambda t: mp.e**t - mp.e ** (-t), v.x) / 2,
    ),
    Step(
        5,
        66,
        lhs=lambda v, n: dscalar(lambda t: mp.e**t - mp.e ** (-t), v.x) / 2,
        rhs=lambda v, n: (mp.e**v.x + mp.e ** (-v.x)) / 2,
    ),
    Step(6, 26, lhs=lambda v, n: dscalar(mp.sinh, v.x), rhs=lambda v, n: ch(v)),
    Step(11, 8, kind="definition"),
    Step(11, 16, lhs=lambda v, n: mp.tanh(v.x), rhs=lambda v, n: sh(v) / ch(v)),
    Step(12, 26, lhs=lambda v, n: dscalar(mp.tanh, v.x), rhs=lambda v, n: 1 / ch(v) ** 2),
    Step(17, 8, kind="definition"),
    Step(17, 16, lhs=lambda v, n: mp.coth(v.x), rhs=lambda v, n: ch(v) / sh(v)),
    Step(
        18,
        26,
        lhs=lambda v, n: dscalar(mp.coth, v.x),
        rhs=lambda v, n: 1 / sh(v) ** 2,
        note="planted: +cosech^2 for -cosech^2",
    ),
    # the chain rule for unknown f, g: an identity (checked here with f = sin, g = exp)
    Step(
        21,
        18,
        lhs=lambda v, n: dscalar(lambda t: mp.sin(mp.e**t), v.x),
        rhs=lambda v, n: mp.cos(mp.e**v.x) * mp.e**v.x,
    ),
]
