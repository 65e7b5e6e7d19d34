"""Builders: the functions of the softmax family as SymPy expressions over explicit symbols.

Indices are 1-based, as in the notation: ``a_1 … a_N``.  The partition sum
``Z = Σ_k e^{a_k}`` is built once and shared by every output, so that ``S_i`` costs O(1) to
build after the sum and a derivative can recognise the sum as one object.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import sympy

from symsoft.errors import InputError


def _check_n(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise InputError(f"N must be a positive integer, got {n!r}")
    if n < 1:
        raise InputError(f"N must be a positive integer, got {n}")
    return n


def real_symbols(name: str, n: int) -> tuple[sympy.Symbol, ...]:
    """``name_1, …, name_n`` as real SymPy symbols.

    >>> real_symbols("a", 3)
    (a_1, a_2, a_3)
    """
    return tuple(sympy.Symbol(f"{name}_{k}", real=True) for k in range(1, n + 1))


@dataclass(frozen=True)
class Softmax:
    """``S_i = e^{a_i} / Σ_{k=1}^N e^{a_k}`` for ``i = 1 … N``.

    ``logits`` are the symbols ``a_k``, ``partition_sum`` is ``Σ_k e^{a_k}`` (one shared SymPy
    ``Add``), ``outputs`` are the ``S_i``.
    """

    n: int
    logits: tuple[sympy.Symbol, ...]
    exponentials: tuple[sympy.Expr, ...]
    partition_sum: sympy.Expr
    outputs: tuple[sympy.Expr, ...]

    def __getitem__(self, i: int) -> sympy.Expr:
        """``S_i`` with the 1-based index of the notation."""
        return self.outputs[i - 1]

    def derivative(self, i: int, j: int) -> sympy.Expr:
        """``D_j S_i = ∂S_i/∂a_j`` computed by SymPy's ``diff`` (1-based ``i``, ``j``)."""
        return sympy.diff(self.outputs[i - 1], self.logits[j - 1])

    def jacobian(self) -> sympy.Matrix:
        """The N×N matrix of ``D_j S_i``, entry by entry with SymPy's ``diff``."""
        return sympy.Matrix(
            self.n, self.n, lambda r, c: sympy.diff(self.outputs[r], self.logits[c])
        )


def softmax(n: int, logits: str = "a", temperature: sympy.Expr | None = None) -> Softmax:
    """Build ``S = softmax(a)`` (or ``softmax(a / T)`` with a ``temperature``) over ``n`` real
    logits.

    >>> s = softmax(2)
    >>> s[1]
    exp(a_1)/(exp(a_1) + exp(a_2))
    """
    n = _check_n(n)
    a = real_symbols(logits, n)
    e = tuple(sympy.exp(ak if temperature is None else ak / temperature) for ak in a)
    z = sympy.Add(*e)
    return Softmax(n, a, e, z, tuple(ek / z for ek in e))


@dataclass(frozen=True)
class CrossEntropy:
    """``L = -Σ_j y_j log p_j`` with ``p = softmax(o)``; the targets ``y_j`` are free reals."""

    n: int
    probabilities: Softmax
    targets: tuple[sympy.Symbol, ...]
    terms: tuple[sympy.Expr, ...]

    @property
    def logits(self) -> tuple[sympy.Symbol, ...]:
        return self.probabilities.logits

    @cached_property
    def loss(self) -> sympy.Expr:
        """``L`` as one SymPy expression (a sum of the ``terms`` ``-y_j log p_j``)."""
        return sympy.Add(*self.terms)

    def derivative(self, i: int) -> sympy.Expr:
        """``∂L/∂o_i`` computed by SymPy's ``diff`` (1-based ``i``)."""
        return sympy.diff(self.loss, self.logits[i - 1])

    def gradient(self) -> tuple[sympy.Expr, ...]:
        return tuple(self.derivative(i) for i in range(1, self.n + 1))


def cross_entropy(n: int, logits: str = "o", targets: str = "y") -> CrossEntropy:
    """Build ``L = -Σ_j y_j log p_j`` with ``p = softmax(o)`` over ``n`` classes.

    >>> ce = cross_entropy(2)
    >>> ce.loss
    -y_1*log(exp(o_1)/(exp(o_1) + exp(o_2))) - y_2*log(exp(o_2)/(exp(o_1) + exp(o_2)))
    """
    n = _check_n(n)
    p = softmax(n, logits)
    y = real_symbols(targets, n)
    terms = tuple(-yj * sympy.log(pj) for yj, pj in zip(y, p.outputs, strict=True))
    return CrossEntropy(n, p, y, terms)
