import mpmath as mp
from truth import Point, Step, d, delta, reals, softmax


def sample(rng, n):
    # nothing is said about the labels y: arbitrary reals
    return Point(o=reals(rng, n), y=reals(rng, n))


def yh(v, c):
    return softmax(v.o)[c - 1]


def dyh(v, c, i):
    return d(lambda o: softmax(o)[c - 1], v.o, i)


def L(o, y):
    return -sum(yc * mp.log(pc) for yc, pc in zip(y, softmax(o), strict=True))


def cs(n):
    return range(1, n + 1)


def chain(points, exprs, **kw):
    return [
        Step(line, col, lhs=exprs[k], rhs=exprs[k + 1], **kw)
        for k, (line, col) in enumerate(points)
    ]


STEPS = [
    Step(3, 15, kind="definition"),
    Step(3, 70, kind="definition", note="R, the asker's second letter, counts the same classes"),
    Step(
        10,
        43,
        indices=("c", "i"),
        lhs=lambda v, n, c, i: dyh(v, c, i),
        rhs=lambda v, n, c, i: yh(v, c) * (delta(c, i) - yh(v, i)),
    ),
    *chain(
        [(17, 2), (18, 2), (19, 2), (20, 2)],
        [
            lambda v, n, i: d(lambda o: L(o, v.y), v.o, i),
            lambda v, n, i: -sum(v.y[c - 1] / yh(v, c) * dyh(v, c, i) for c in cs(n)),
            lambda v, n, i: -sum(v.y[c - 1] * (delta(c, i) - yh(v, i)) for c in cs(n)),
            lambda v, n, i: -v.y[i - 1] + yh(v, i) * sum(v.y),
            # planted: sum_c y_c = 1 used, never stated (the labels are not said one-hot)
            lambda v, n, i: yh(v, i) - v.y[i - 1],
        ],
        indices=("i",),
    ),
]
