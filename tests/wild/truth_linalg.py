"""Small matrix helpers for the hand transcriptions of vector/matrix documents (no symsoft).

Matrices are lists of rows of mpmath numbers; indices given to the helpers are 1-based, like the
indices ``label.py`` passes to a step. Derivatives are central differences with truth.STEP, taken
of the definitions the transcriptions write out (never of a closed form).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import mpmath as mp
from truth import STEP, Point, d, reals, sigmoid, softmax


def matrix(rng, rows: int, cols: int, scale: float = 2.0) -> list[list]:
    return [reals(rng, cols, scale) for _ in range(rows)]


def one_hot_rows(rng, rows: int, cols: int) -> list[list]:
    out = []
    for _ in range(rows):
        hot = rng.randrange(cols)
        out.append([mp.mpf(1 if k == hot else 0) for k in range(cols)])
    return out


def transpose(a: Sequence[Sequence]) -> list[list]:
    return [list(col) for col in zip(*a, strict=True)]


def matmul(a: Sequence[Sequence], b: Sequence[Sequence]) -> list[list]:
    if len(a[0]) != len(b):
        raise ValueError(f"shapes {len(a)}x{len(a[0])} and {len(b)}x{len(b[0])} do not fit")
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col, strict=True)) for col in bt] for row in a]


def sub(a: Sequence[Sequence], b: Sequence[Sequence]) -> list[list]:
    return [[x - y for x, y in zip(r, s, strict=True)] for r, s in zip(a, b, strict=True)]


def scale(c, a: Sequence[Sequence]) -> list[list]:
    return [[c * x for x in r] for r in a]


def softmax_rows(a: Sequence[Sequence]) -> list[list]:
    return [softmax(r) for r in a]


def dmat(f: Callable[[list[list]], Any], a: Sequence[Sequence], r: int, c: int):
    """∂f/∂a_{rc} (1-based r, c) at the matrix a, by a central difference."""
    up = [list(row) for row in a]
    down = [list(row) for row in a]
    up[r - 1][c - 1] += STEP
    down[r - 1][c - 1] -= STEP
    return (f(up) - f(down)) / (2 * STEP)


def logistic_sample(rng, n: int, bias: bool = True) -> Point:
    """A data matrix X (n × n), weights w, a bias b when the text has one, and 0/1 labels y."""
    values = {"X": matrix(rng, n, n), "w": reals(rng, n)}
    if bias:
        values["b"] = mp.mpf(rng.uniform(-1, 1))
    values["y"] = [mp.mpf(rng.randrange(2)) for _ in range(n)]
    return Point(**values)


def sigmoid_rows(X: Sequence[Sequence], w: Sequence, b=0) -> list:
    """σ(w·x + b) of each row x of X."""
    return [sigmoid(sum(t * x for t, x in zip(w, row, strict=True)) + b) for row in X]


def log_loss(p: Sequence, y: Sequence):
    """The summed binary cross-entropy -Σ y log p + (1 - y) log(1 - p)."""
    return -sum(yi * mp.log(pi) + (1 - yi) * mp.log(1 - pi) for pi, yi in zip(p, y, strict=True))


def regression_sample(rng, n: int) -> Point:
    """Softmax regression on a batch: X (n × n), W (n × n), a bias b and one-hot label rows Y."""
    return Point(
        X=matrix(rng, n, n), W=matrix(rng, n, n), b=reals(rng, n), Y=one_hot_rows(rng, n, n)
    )


def affine_logits(X: Sequence[Sequence], W: Sequence[Sequence], b: Sequence) -> list[list]:
    """The logits XW + 1 b^T, one row per sample."""
    return [[t + bk for t, bk in zip(row, b, strict=True)] for row in matmul(X, W)]


def mean_cross_entropy(Y: Sequence[Sequence], A: Sequence[Sequence]):
    """The cross-entropy of the row-wise softmax of A against the label rows Y, averaged."""
    P = softmax_rows(A)
    rows = len(A)
    return -sum(Y[m][k] * mp.log(P[m][k]) for m in range(rows) for k in range(len(A[0]))) / rows


def regression_gradients(v: Point) -> tuple[Callable, Callable, Callable]:
    """Central differences of the mean cross-entropy: by the logits (an entry r, c), by the
    weights (r, c) and by the bias (k), each as a function of those indices."""

    def by_logits(r, c):
        return dmat(lambda A: mean_cross_entropy(v.Y, A), affine_logits(v.X, v.W, v.b), r, c)

    def by_weights(r, c):
        return dmat(lambda W: mean_cross_entropy(v.Y, affine_logits(v.X, W, v.b)), v.W, r, c)

    def by_bias(k):
        return d(lambda b: mean_cross_entropy(v.Y, affine_logits(v.X, v.W, b)), v.b, k)

    return by_logits, by_weights, by_bias
