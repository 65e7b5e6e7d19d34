import mpmath as mp
from truth import Point, Step, d, dscalar, one_hot, reals, sigmoid, softmax
from truth_linalg import dmat, matrix

# A layered-backprop note in plain Markdown with inline $…$ only (Nielsen's notation):
# z^l = W^l a^{l-1} + b^l, a^l = σ(z^l) for hidden layers, a softmax output layer L, the
# cross-entropy C = -Σ_k y_k ln a^L_k with a one-hot target, δ^l_j = ∂C/∂z^l_j (a definition).
# Transcribed on a concrete network of width n with L = n + 1 layers, so the layer index l of the
# hidden-layer recursion runs over every hidden layer 1..n = L - 1; the gradient formulas for b^l
# and W^l are checked at those same layers l = 1..n (the output layer is not among the index
# values). δ^L = a^L - y and the "ln a^L_k = ..." step are componentwise (index j / k).
# "l = 1, \dots, L", "from l = L down to l = 1" and the code spans are not labelled.
# No planted slip: every step holds.


def sample(rng, n):
    depth = n + 1
    W = [None] + [matrix(rng, n, n, 1.0) for _ in range(depth)]
    b = [None] + [reals(rng, n, 1.0) for _ in range(depth)]
    return Point(W=W, b=b, x=reals(rng, n), y=one_hot(rng, n), t=mp.mpf(rng.uniform(-3, 3)))


def depth(v):
    return len(v.W) - 1


def layer(W, b, a):
    return [mp.fsum(w * u for w, u in zip(row, a)) + bj for row, bj in zip(W, b)]


def act(v, l, z):
    return softmax(z) if l == depth(v) else [sigmoid(t) for t in z]


def forward(v, W=None, b=None):
    """zs[l], as[l] for l = 0..L (zs[0] unused)."""
    W = W or v.W
    b = b or v.b
    zs, acts = [None], [list(v.x)]
    for l in range(1, depth(v) + 1):
        z = layer(W[l], b[l], acts[-1])
        zs.append(z)
        acts.append(act(v, l, z))
    return zs, acts


def cost_of_a(v, aL):
    return -mp.fsum(yk * mp.log(ak) for yk, ak in zip(v.y, aL))


def cost_from_z(v, l, zl):
    """C as a function of the weighted input z^l of layer l."""
    a = act(v, l, zl)
    for m in range(l + 1, depth(v) + 1):
        a = act(v, m, layer(v.W[m], v.b[m], a))
    return cost_of_a(v, a)


def delta_(v, l, j):
    zs, _ = forward(v)
    return d(lambda zl: cost_from_z(v, l, zl), zs[l], j)


def zL(v):
    return forward(v)[0][depth(v)]


def aL(v):
    return forward(v)[1][depth(v)]


def dW(v, l, j, k):
    def f(Wl):
        W = list(v.W)
        W[l] = Wl
        return cost_of_a(v, forward(v, W=W)[1][depth(v)])

    return dmat(f, v.W[l], j, k)


def db(v, l, j):
    def f(bl):
        b = list(v.b)
        b[l] = bl
        return cost_of_a(v, forward(v, b=b)[1][depth(v)])

    return d(f, v.b[l], j)


def recursion(v, n, l, j):
    zs, _ = forward(v)
    back = mp.fsum(v.W[l + 1][m - 1][j - 1] * delta_(v, l + 1, m) for m in range(1, n + 1))
    return back * dscalar(sigmoid, zs[l][j - 1])


J = ("j",)
LJ = ("l", "j")

STEPS = [
    Step(5, 91, kind="definition"),
    Step(5, 142, kind="definition"),
    Step(5, 214, kind="definition"),
    Step(5, 277, kind="definition"),
    Step(5, 329, kind="hypothesis", note="the one-hot target sums to 1"),
    Step(7, 40, kind="definition"),
    Step(9, 66, kind="definition"),
    Step(
        11,
        38,
        indices=("k",),
        lhs=lambda v, n, k: mp.log(aL(v)[k - 1]),
        rhs=lambda v, n, k: zL(v)[k - 1] - mp.log(mp.fsum(mp.exp(t) for t in zL(v))),
    ),
    Step(
        11,
        119,
        indices=J,
        lhs=lambda v, n, j: delta_(v, depth(v), j),
        rhs=lambda v, n, j: -v.y[j - 1] + mp.fsum(yk * aL(v)[j - 1] for yk in v.y),
    ),
    Step(
        11,
        147,
        indices=J,
        lhs=lambda v, n, j: -v.y[j - 1] + mp.fsum(yk * aL(v)[j - 1] for yk in v.y),
        rhs=lambda v, n, j: aL(v)[j - 1] - v.y[j - 1],
    ),
    Step(
        13,
        15,
        indices=J,
        lhs=lambda v, n, j: delta_(v, depth(v), j),
        rhs=lambda v, n, j: aL(v)[j - 1] - v.y[j - 1],
        note="vector form, componentwise",
    ),
    Step(
        19,
        15,
        indices=LJ,
        lhs=lambda v, n, l, j: delta_(v, l, j),
        rhs=recursion,
        note="every hidden layer l = 1..L-1, componentwise",
    ),
    Step(
        19,
        85,
        lhs=lambda v, n: dscalar(sigmoid, v.t),
        rhs=lambda v, n: sigmoid(v.t) * (1 - sigmoid(v.t)),
    ),
    Step(
        23,
        40,
        indices=LJ,
        lhs=lambda v, n, l, j: db(v, l, j),
        rhs=lambda v, n, l, j: delta_(v, l, j),
    ),
    Step(
        24,
        43,
        indices=("l", "j", "k"),
        lhs=lambda v, n, l, j, k: dW(v, l, j, k),
        rhs=lambda v, n, l, j, k: forward(v)[1][l - 1][k - 1] * delta_(v, l, j),
    ),
]
