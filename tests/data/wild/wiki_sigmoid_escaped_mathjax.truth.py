import mpmath as mp
from truth import Point, Step, dscalar, sigmoid

# a Portuguese wiki page stored with MathJax's \[ … \] escaped away by Markdown: displays written
# "[ … ]"; the sigmoid, its derivative, and a planted symmetry 1 + σ(x) for 1 - σ(x)


def sample(rng, n):
    return Point(x=mp.mpf(rng.uniform(-3, 3)))


STEPS = [
    Step(3, 13, kind="definition"),
    Step(
        6,
        25,
        lhs=lambda v, n: dscalar(sigmoid, v.x),
        rhs=lambda v, n: sigmoid(v.x) * (1 - sigmoid(v.x)),
    ),
    Step(
        8,
        14,
        lhs=lambda v, n: sigmoid(-v.x),
        rhs=lambda v, n: 1 + sigmoid(v.x),
        note="planted: 1 + σ(x) for 1 - σ(x)",
    ),
]
