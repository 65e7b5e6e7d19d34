import mpmath as mp
from truth import Point, Step, d, reals, softmax


def sample(rng, n):
    a = reals(rng, n)
    return Point(a=a, m=max(a))  # "we choose m = max_k a_k"


def sm(v, i):
    return softmax(v.a)[i - 1]


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


def lse(a):
    return mp.log(sum(mp.exp(t) for t in a))


STEPS = [
    Step(5, 25, kind="definition"),
    Step(
        5,
        62,
        indices=("i",),
        lhs=lambda v, n, i: mp.exp(v.a[i - 1]) / sum(mp.exp(t) for t in v.a),
        rhs=lambda v, n, i: mp.exp(v.a[i - 1] - v.m) / sum(mp.exp(t - v.m) for t in v.a),
    ),
    # the two equations inside \displaylines{...}
    Step(
        11,
        37,
        lhs=lambda v, n: lse(v.a),
        rhs=lambda v, n: v.m + mp.log(sum(mp.exp(t - v.m) for t in v.a)),
    ),
    Step(
        11,
        97,
        indices=("i",),
        lhs=lambda v, n, i: mp.log(sm(v, i)),
        rhs=lambda v, n, i: v.a[i - 1] - v.m - mp.log(sum(mp.exp(t - v.m) for t in v.a)),
    ),
    *chain(
        [(23, 53), (23, 86)],
        [
            lambda v, n, j: d(lse, v.a, j),
            lambda v, n, j: mp.exp(v.a[j - 1]) / sum(mp.exp(t) for t in v.a),
            lambda v, n, j: sm(v, j),
        ],
        indices=("j",),
    ),
    *chain(
        [(27, 73), (27, 114)],
        [
            # m held fixed, as the text says
            lambda v, n, j: d(lambda a: v.m + mp.log(sum(mp.exp(t - v.m) for t in a)), v.a, j),
            lambda v, n, j: mp.exp(v.a[j - 1] - v.m) / sum(mp.exp(t - v.m) for t in v.a),
            lambda v, n, j: sm(v, j),
        ],
        indices=("j",),
    ),
]
