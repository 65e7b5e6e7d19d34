import mpmath as mp
from truth import Point, Step, d, delta, dscalar, one_hot, reals, sigmoid, softmax

# Part 1: i counts examples; each example is a scalar logit z_i with a binary label y_i
# (sampled as one example: zi, yi). Part 2: i indexes classes, p = softmax(z), y one-hot.


def sample(rng, n):
    return Point(
        zi=mp.mpf(rng.uniform(-3, 3)),
        yi=mp.mpf(rng.choice([0, 1])),
        z=reals(rng, n),
        y=one_hot(rng, n),
    )


def ell(v, z):
    q = sigmoid(z)
    return -v.yi * mp.log(q) - (1 - v.yi) * mp.log(1 - q)


def L(v, z):
    return -sum(v.y[k] * mp.log(softmax(z)[k]) for k in range(len(z)))


pi = lambda v: sigmoid(v.zi)
p = lambda v, i: softmax(v.z)[i - 1]
I = ("i",)

STEPS = [
    Step(9, 10, kind="definition"),
    Step(
        14,
        40,
        lhs=lambda v, n: dscalar(lambda z: ell(v, z), v.zi),
        rhs=lambda v, n: -v.yi * (1 - pi(v)) + (1 - v.yi) * pi(v),
    ),
    Step(
        14,
        71,
        lhs=lambda v, n: -v.yi * (1 - pi(v)) + (1 - v.yi) * pi(v),
        rhs=lambda v, n: pi(v) - v.yi,
    ),
    Step(23, 7, kind="definition"),
    Step(
        28,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: L(v, z), v.z, i),
        rhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in range(1, n + 1)),
    ),
    Step(
        28,
        76,
        indices=I,
        lhs=lambda v, n, i: -sum(v.y[k - 1] * (delta(k, i) - p(v, i)) for k in range(1, n + 1)),
        rhs=lambda v, n, i: p(v, i) - v.y[i - 1],
    ),
]
