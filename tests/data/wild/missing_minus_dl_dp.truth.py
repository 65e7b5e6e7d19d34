import mpmath as mp
from truth import Point, Step, d, delta, distribution, reals, softmax


def sample(rng, n):
    # soft targets: "every y_k >= 0 and the labels sum to one"
    return Point(z=reals(rng, n), y=distribution(rng, n))


def yh(v, k):
    return softmax(v.z)[k - 1]


def y(v, k):
    return v.y[k - 1]


def ell_of_yh(v, preds):
    return -sum(v.y[k] * mp.log(preds[k]) for k in range(len(preds)))


def ell(v, z):
    return ell_of_yh(v, softmax(z))


def dyh(v, k, i):
    return d(lambda z: softmax(z)[k - 1], v.z, i)


def dell_dyh(v, k):
    return d(lambda preds: ell_of_yh(v, preds), softmax(v.z), k)


def ks(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(5, 22, kind="hypothesis"),
    Step(9, 13, kind="definition"),
    Step(13, 8, kind="definition"),
    Step(
        17,
        44,
        indices=("k",),
        lhs=lambda v, n, k: dell_dyh(v, k),
        rhs=lambda v, n, k: y(v, k) / yh(v, k),
        note="missing minus sign: d ell / d yhat_k = -y_k / yhat_k",
    ),
    Step(
        21,
        43,
        indices=("k", "i"),
        lhs=lambda v, n, k, i: dyh(v, k, i),
        rhs=lambda v, n, k, i: yh(v, k) * (delta(k, i) - yh(v, i)),
    ),
    *chain(
        [(25, 38), (25, 143), (26, 3), (26, 68)],
        [
            lambda v, n, i: d(lambda z: ell(v, z), v.z, i),
            lambda v, n, i: sum(dell_dyh(v, k) * dyh(v, k, i) for k in ks(n)),
            lambda v, n, i: (
                -sum(y(v, k) / yh(v, k) * yh(v, k) * (delta(k, i) - yh(v, i)) for k in ks(n))
            ),
            lambda v, n, i: (
                -sum(y(v, k) * delta(k, i) for k in ks(n)) + yh(v, i) * sum(y(v, k) for k in ks(n))
            ),
            lambda v, n, i: yh(v, i) - y(v, i),
        ],
        indices=("i",),
    ),
]
