from truth import Point, Step, d, reals, softmax

# a notebook's softmax layer: the partition sum written out with its general term between two
# runs of dots; planted: the off-diagonal entry without its minus sign


def sample(rng, n):
    return Point(z=reals(rng, n))


def y(v, i):
    return softmax(v.z)[i - 1]


def dy(v, i, j):
    return d(lambda z: softmax(z)[i - 1], v.z, j)


STEPS = [
    Step(6, 13, kind="definition"),
    Step(9, 35, lhs=lambda v, n: sum(softmax(v.z)), rhs=lambda v, n: 1),
    Step(
        12,
        45,
        indices=("i",),
        lhs=lambda v, n, i: dy(v, i, i),
        rhs=lambda v, n, i: y(v, i) * (1 - y(v, i)),
    ),
    Step(
        18,
        45,
        indices=("i", "j"),
        case="i != j",
        lhs=lambda v, n, i, j: dy(v, i, j),
        rhs=lambda v, n, i, j: y(v, i) * y(v, j),
        note="planted: the minus sign dropped",
    ),
]
