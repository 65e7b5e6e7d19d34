"""The index notation of the theorems: ``S_i``, ``p_i``, ``y_i``, ``δ_ij``, ``Σ_k``.

Closed forms are written once in this notation, with symbolic indices, and instantiated per
entry.  Index symbols are positive integers; ``N`` is the size of the family.
"""

from __future__ import annotations

import sympy

i, j, k = sympy.symbols("i j k", integer=True, positive=True)
N = sympy.Symbol("N", integer=True, positive=True)

S = sympy.IndexedBase("S")  # softmax outputs S = softmax(a)
a = sympy.IndexedBase("a")  # logits of S
p = sympy.IndexedBase("p")  # probabilities p = softmax(o)
o = sympy.IndexedBase("o")  # logits of p
y = sympy.IndexedBase("y")  # targets


def delta(left: sympy.Expr, right: sympy.Expr) -> sympy.Expr:
    """The Kronecker delta ``δ_{left,right}``."""
    return sympy.KroneckerDelta(left, right)


def total(family: sympy.IndexedBase) -> sympy.Sum:
    """``Σ_{k=1}^N family_k``."""
    return sympy.Sum(family[k], (k, 1, N))
