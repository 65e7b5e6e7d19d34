"""The index notation of the theorems: ``S_i``, ``p_i``, ``y_i``, ``δ_ij``, ``Σ_k``.

Closed forms are written once in this notation, with symbolic indices, and instantiated per
entry.  Index symbols are positive integers; ``N`` is the size of the family.
"""

from __future__ import annotations

import sympy

i, j, k, n, d, c = sympy.symbols("i j k n d c", integer=True, positive=True)
N = sympy.Symbol("N", integer=True, positive=True)  # classes
M = sympy.Symbol("M", integer=True, positive=True)  # samples (batched regression)

S = sympy.IndexedBase("S")  # softmax outputs S = softmax(a)  (or softmax(a/T))
a = sympy.IndexedBase("a")  # logits of S
p = sympy.IndexedBase("p")  # probabilities p = softmax(o)
o = sympy.IndexedBase("o")  # logits of p
y = sympy.IndexedBase("y")  # targets
v = sympy.IndexedBase("v")  # the vector of a vector-Jacobian product
X = sympy.IndexedBase("X")  # inputs, M × D
W = sympy.IndexedBase("W")  # weights, D × K
P = sympy.IndexedBase("P")  # predicted probabilities, M × K
Y = sympy.IndexedBase("Y")  # targets, M × K

T = sympy.Symbol("T", positive=True)  # temperature
epsilon = sympy.Symbol("epsilon", positive=True)  # label-smoothing weight
z = sympy.Symbol("z", real=True)  # the argument of the sigmoid
t = sympy.Symbol("t", real=True)  # a binary target


def delta(left: sympy.Expr, right: sympy.Expr) -> sympy.Expr:
    """The Kronecker delta ``δ_{left,right}``."""
    return sympy.KroneckerDelta(left, right)


def total(family: sympy.IndexedBase) -> sympy.Sum:
    """``Σ_{k=1}^N family_k``."""
    return sympy.Sum(family[k], (k, 1, N))


def sigmoid(x: sympy.Expr) -> sympy.Expr:
    """``σ(x) = 1 / (1 + e^{-x})``."""
    return 1 / (1 + sympy.exp(-x))


def total_of(term: sympy.Expr) -> sympy.Sum:
    """``Σ_{k=1}^N term``."""
    return sympy.Sum(term, (k, 1, N))


def over_samples(term: sympy.Expr) -> sympy.Sum:
    """``Σ_{n=1}^M term``."""
    return sympy.Sum(term, (n, 1, M))
