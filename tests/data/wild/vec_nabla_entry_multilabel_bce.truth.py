import mpmath as mp
from truth import Point, Step, d, reals, sigmoid

# One sigmoid per logit; labels y_k in {0, 1} (line 8); \nabla_{z_i} is the derivative by z_i.


def sample(rng, n):
    return Point(z=reals(rng, n), y=[mp.mpf(rng.randrange(2)) for _ in range(n)])


def loss(v):
    return lambda z: (
        -sum(
            yk * mp.log(sigmoid(zk)) + (1 - yk) * mp.log(1 - sigmoid(zk))
            for yk, zk in zip(v.y, z, strict=True)
        )
    )


s = lambda v, i: sigmoid(v.z[i - 1])

STEPS = [
    Step(4, 14, kind="definition"),
    Step(6, 5, kind="definition"),
    Step(
        11,
        28,
        indices=("i",),
        lhs=lambda v, n, i: d(lambda z: sigmoid(z[i - 1]), v.z, i),
        rhs=lambda v, n, i: s(v, i) * (1 + s(v, i)),
        note="planted: 1 + sigma for 1 - sigma",
    ),
    Step(
        15,
        18,
        indices=("i",),
        lhs=lambda v, n, i: d(loss(v), v.z, i),
        rhs=lambda v, n, i: s(v, i) - v.y[i - 1],
    ),
]
