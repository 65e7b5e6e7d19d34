import mpmath as mp
from truth import Point, Step, d, delta, dscalar, reals, sigmoid, softmax


def sample(rng, n):
    # stated: y in {0, 1}; w, x vectors of size n; u, v any differentiable functions (drawn
    # as cubics with v kept away from 0 at the point s); t one-hot at class c; epsilon a weight
    return Point(
        w=reals(rng, n),
        x=reals(rng, n),
        b=mp.mpf(rng.uniform(-1, 1)),
        y=mp.mpf(rng.randrange(2)),
        z=mp.mpf(rng.uniform(-3, 3)),
        a=reals(rng, n, 5.0),
        cu=[mp.mpf(rng.uniform(-2, 2)) for _ in range(4)],
        cv=[mp.mpf(rng.uniform(0.5, 2)) for _ in range(4)],
        s=mp.mpf(rng.uniform(0.1, 0.9)),
        c=rng.randrange(1, n + 1),
        eps=mp.mpf(rng.uniform(0, 0.5)),
    )


def cubic(cs):
    return lambda s: cs[0] + cs[1] * s + cs[2] * s**2 + cs[3] * s**3


def u(v):
    return cubic(v.cu)


def vv(v):
    return cubic(v.cv)


def at(v, f):
    return f(v.s), dscalar(f, v.s)


def yhat_of(w, v):
    return sigmoid(sum(p * q for p, q in zip(w, v.x, strict=True)) + v.b)


def bce(v, w=None, b=None):
    w = v.w if w is None else w
    b = v.b if b is None else b
    yh = sigmoid(sum(p * q for p, q in zip(w, v.x, strict=True)) + b)
    return -(v.y * mp.log(yh) + (1 - v.y) * mp.log(1 - yh))


def yhat(v):
    return yhat_of(v.w, v)


def lse(a):
    return mp.log(sum(mp.exp(t) for t in a))


def smoothed(v, n, k):
    return (1 - v.eps) * delta(k, v.c) + v.eps / n


def C(v, n, a):
    q = softmax(a)
    return -sum(smoothed(v, n, k) * mp.log(q[k - 1]) for k in range(1, n + 1))


def quotient_lhs(v, n):
    return dscalar(lambda s: u(v)(s) / vv(v)(s), v.s)


def quotient_rhs(v, n):
    (uu, du), (w, dw) = at(v, u(v)), at(v, vv(v))
    return (du * w - uu * dw) / w**2


def product_lhs(v, n):
    return dscalar(lambda s: u(v)(s) * vv(v)(s), v.s)


def product_rhs(v, n):  # as written: u'v - uv' (the sign is wrong)
    (uu, du), (w, dw) = at(v, u(v)), at(v, vv(v))
    return du * w - uu * dw


def shift(v):
    return max(v.a)


STEPS = [
    Step(4, 9, kind="definition"),
    Step(5, 28, kind="definition"),
    Step(11, 29, lhs=quotient_lhs, rhs=quotient_rhs),
    Step(15, 9, lhs=product_lhs, rhs=product_rhs),
    Step(
        19,
        14,
        lhs=lambda v, n: dscalar(sigmoid, v.z),
        rhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
    ),
    Step(
        19,
        46,
        lhs=lambda v, n: mp.exp(-v.z) / (1 + mp.exp(-v.z)) ** 2,
        rhs=lambda v, n: sigmoid(v.z) * (1 - sigmoid(v.z)),
    ),
    Step(23, 5, kind="definition"),
    Step(
        28,
        33,
        lhs=lambda v, n: dscalar(lambda b: bce(v, b=b), v.b),
        rhs=lambda v, n: yhat(v) - v.y,
    ),
    Step(
        30,
        33,
        indices=("r",),
        lhs=lambda v, n, r: d(lambda w: bce(v, w=w), v.w, r),
        rhs=lambda v, n, r: (yhat(v) - v.y) * v.x[r - 1],
    ),
    Step(
        34,
        33,
        indices=("r",),
        lhs=lambda v, n, r: d(lambda w: bce(v, w=w), v.w, r),
        rhs=lambda v, n, r: (v.y - yhat(v)) * v.x[r - 1],
    ),
    Step(38, 57, kind="definition"),
    Step(39, 53, kind="definition"),
    Step(
        41,
        23,
        lhs=lambda v, n: lse(v.a),
        rhs=lambda v, n: shift(v) + mp.log(sum(mp.exp(t - shift(v)) for t in v.a)),
    ),
    Step(
        45,
        23,
        lhs=lambda v, n: lse(v.a),
        rhs=lambda v, n: shift(v) + mp.log(sum(mp.exp(t + shift(v)) for t in v.a)),
    ),
    Step(51, 15, kind="definition"),
    Step(53, 20, kind="definition"),
    Step(
        55,
        22,
        lhs=lambda v, n: sum(smoothed(v, n, k) for k in range(1, n + 1)),
        rhs=lambda v, n: (1 - v.eps) * sum(delta(k, v.c) for k in range(1, n + 1)) + v.eps,
    ),
    Step(
        55,
        61,
        lhs=lambda v, n: (1 - v.eps) * sum(delta(k, v.c) for k in range(1, n + 1)) + v.eps,
        rhs=lambda v, n: 1,
    ),
    Step(
        59,
        35,
        indices=("k",),
        lhs=lambda v, n, k: d(lambda a: C(v, n, a), v.a, k),
        rhs=lambda v, n, k: softmax(v.a)[k - 1] - smoothed(v, n, k),
    ),
    Step(
        59,
        55,
        indices=("k",),
        lhs=lambda v, n, k: softmax(v.a)[k - 1] - smoothed(v, n, k),
        rhs=lambda v, n, k: softmax(v.a)[k - 1] - (1 - v.eps) * delta(k, v.c) + v.eps / n,
    ),
]
