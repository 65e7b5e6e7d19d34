import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a worksheet whose exercises each define an inner g and an outer f in list items
# ("$g(x) = … \implies g'(x) = …$"), reusing the letters after "Another exercise, reusing the
# letters:" and "This time the letters stand for:"; planted: the softplus's derivative written
# 1/(1 + e^x) (it is e^x/(1 + e^x), the logistic function)

SIZES = (1,)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-2, 2)))


def e(t):
    return mp.exp(t)


def chain(outer_derivative, inner, inner_derivative):
    return lambda v, n: outer_derivative(inner(v.x)) * inner_derivative(v.x)


first = chain(lambda u: -(u**-2), lambda t: 1 + e(-t), lambda t: -e(-t))
second = chain(lambda u: 1 / u, lambda t: t**2 + 1, lambda t: 2 * t)
third = chain(lambda u: 1 / u, lambda t: 1 + e(t), lambda t: e(t))

STEPS = [
    Step(8, 9, kind="definition"),
    Step(8, 37, lhs=lambda v, n: dscalar(lambda t: 1 + e(-t), v.x), rhs=lambda v, n: -e(-v.x)),
    Step(9, 9, kind="definition"),
    Step(
        9,
        33,
        lhs=lambda v, n: dscalar(lambda u: u**-1, v.x + 3),
        rhs=lambda v, n: -((v.x + 3) ** -2),
    ),
    Step(13, 37, lhs=lambda v, n: dscalar(sigmoid, v.x), rhs=first),
    Step(13, 60, lhs=first, rhs=lambda v, n: e(-v.x) / (1 + e(-v.x)) ** 2),
    Step(17, 9, kind="definition"),
    Step(17, 34, lhs=lambda v, n: dscalar(lambda t: t**2 + 1, v.x), rhs=lambda v, n: 2 * v.x),
    Step(18, 9, kind="definition"),
    Step(18, 33, lhs=lambda v, n: dscalar(mp.log, v.x + 3), rhs=lambda v, n: 1 / (v.x + 3)),
    Step(22, 30, lhs=lambda v, n: dscalar(lambda t: mp.log(t**2 + 1), v.x), rhs=second),
    Step(22, 53, lhs=second, rhs=lambda v, n: 2 * v.x / (v.x**2 + 1)),
    Step(26, 9, kind="definition"),
    Step(26, 36, lhs=lambda v, n: dscalar(lambda t: 1 + e(t), v.x), rhs=lambda v, n: e(v.x)),
    Step(27, 9, kind="definition"),
    Step(27, 33, lhs=lambda v, n: dscalar(mp.log, v.x + 3), rhs=lambda v, n: 1 / (v.x + 3)),
    Step(31, 32, lhs=lambda v, n: dscalar(lambda t: mp.log(1 + e(t)), v.x), rhs=third),
    Step(
        31,
        55,
        lhs=third,
        rhs=lambda v, n: 1 / (1 + e(v.x)),
        note="planted: the softplus's derivative is e^x/(1 + e^x)",
    ),
]
