import mpmath as mp
from truth import Point, Step, d, one_hot, reals

# "for T = 1 it is the ordinary softmax" is a remark: the steps of the first section are about
# every temperature T > 0, at the logits o = (0, log 9) (two classes). p_1 = 1/2 is wrong at
# every T (at T = 1 it is 1/10). The second section is general, with a one-hot y.
SIZES = (2, 3, 4)
O = [mp.mpf(0), mp.log(9)]


def sample(rng, n):
    return Point(o=reals(rng, n), y=one_hot(rng, n), T=mp.mpf(rng.uniform(0.5, 3)))


def tempered(o, T):
    exps = [mp.exp(x / T) for x in o]
    return [e / sum(exps) for e in exps]


def loss(o, v):
    return -sum(y * mp.log(p) for y, p in zip(v.y, tempered(o, v.T)))


def p(v, i):
    return tempered(O, v.T)[i - 1]


def q(v, i):
    return tempered(v.o, v.T)[i - 1]


I = ("i",)
STEPS = [
    Step(
        5,
        37,
        lhs=lambda v, n: d(lambda o: tempered(o, v.T)[0], O, 2),
        rhs=lambda v, n: -p(v, 1) * p(v, 2) / v.T,
    ),
    Step(7, 7, lhs=lambda v, n: p(v, 1), rhs=lambda v, n: 1 / (1 + mp.mpf(9) ** (1 / v.T))),
    Step(9, 7, lhs=lambda v, n: p(v, 1), rhs=lambda v, n: mp.mpf(1) / 2),
    Step(
        15,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda o: loss(o, v), v.o, i),
        rhs=lambda v, n, i: (q(v, i) * sum(v.y) - v.y[i - 1]) / v.T,
    ),
    Step(
        15,
        83,
        indices=I,
        lhs=lambda v, n, i: (q(v, i) * sum(v.y) - v.y[i - 1]) / v.T,
        rhs=lambda v, n, i: (q(v, i) - v.y[i - 1]) / v.T,
    ),
    Step(
        17,
        35,
        indices=I,
        lhs=lambda v, n, i: d(lambda o: loss(o, v), v.o, i),
        rhs=lambda v, n, i: (v.y[i - 1] - q(v, i)) / v.T,
    ),
]
