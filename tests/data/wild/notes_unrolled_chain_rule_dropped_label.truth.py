import mpmath as mp
from truth import Point, Step, d, one_hot, reals, softmax

# t is one-hot (stated). The term at j = i is -t_i(1 - s_i) = s_i t_i - t_i; the notes write it
# s_i - t_i (true only when t_i = 1), the slip of a real post.


def sample(rng, n):
    return Point(z=reals(rng, n), t=one_hot(rng, n))


def E(v, z):
    return -sum(v.t[j] * mp.log(softmax(z)[j]) for j in range(len(z)))


def s(v, k):
    return softmax(v.z)[k - 1]


def run(v, n, i):  # as written: the other terms s_i t_k, and s_i - t_i at i
    return sum(s(v, i) * v.t[k - 1] for k in range(1, n + 1) if k != i) + (s(v, i) - v.t[i - 1])


I = ("i",)
STEPS = [
    Step(3, 57, kind="definition"),
    Step(4, 48, kind="definition"),
    Step(
        9,
        44,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: E(v, z), v.z, i),
        rhs=lambda v, n, i: sum(
            d(lambda q: -sum(v.t[j] * mp.log(q[j]) for j in range(n)), softmax(v.z), k)
            * d(lambda z: softmax(z)[k - 1], v.z, i)
            for k in range(1, n + 1)
        ),
    ),
    Step(
        13,
        34,
        indices=I,
        lhs=lambda v, n, i: d(lambda z: E(v, z), v.z, i),
        rhs=lambda v, n, i: run(v, n, i),
    ),
    Step(
        14,
        2,
        indices=I,
        lhs=lambda v, n, i: run(v, n, i),
        rhs=lambda v, n, i: s(v, i) * sum(v.t) - v.t[i - 1],
    ),
    Step(
        15,
        2,
        indices=I,
        lhs=lambda v, n, i: s(v, i) * sum(v.t) - v.t[i - 1],
        rhs=lambda v, n, i: s(v, i) - v.t[i - 1],
    ),
]
