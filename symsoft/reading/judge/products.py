"""Products over an index, ``\\prod_{i=1}^{N} f_i``: the log of one is the sum of the logs of its
factors, on the domain where those logs are real (a likelihood's factors are probabilities in
(0, 1), and ``p_i^{y_i}`` with a real exponent is real only for ``p_i > 0``).

Rewriting ``log ∏_i f_i`` as ``Σ_i log f_i`` can only shrink the set of real points where a side
is defined, never change a value there: a counterexample found after it is one before it, and a
proof after it holds where every factor is positive, the domain a step that writes
``\\sum_i \\log f_i`` presupposes.
"""

from __future__ import annotations

import sympy

from symsoft.reading.judge.symbolic import _positive, _positive_fraction, is_index

CONCRETE_ONLY = "a product over the index, judged at concrete sizes"


def logs_of_products(expr: sympy.Expr) -> sympy.Expr:
    """``log ∏_i f_i`` as ``Σ_i log f_i``, the log of each factor split into the logs of its
    powers' bases when those are probabilities (``y_i log p_i + (1 - y_i) log(1 - p_i)``).

    >>> p, y = sympy.IndexedBase("p"), sympy.IndexedBase("y")
    >>> i, n = sympy.symbols("i n", integer=True, positive=True)
    >>> likelihood = sympy.Product(p[i] ** y[i] * (1 - p[i]) ** (1 - y[i]), (i, 1, n))
    >>> logs_of_products(sympy.log(likelihood))
    Sum((1 - y[i])*log(1 - p[i]) + log(p[i])*y[i], (i, 1, n))
    """
    if not (expr.has(sympy.Product) and expr.has(sympy.log)):
        return expr
    return expr.replace(
        lambda e: isinstance(e, sympy.log) and isinstance(e.args[0], sympy.Product),
        lambda e: _log_of(e.args[0]),
    )


def _log_of(value: sympy.Expr) -> sympy.Expr:
    if isinstance(value, sympy.Product) and _positive_factor(value.function):
        return sympy.Sum(_log_of(value.function), *value.limits)
    if isinstance(value, sympy.Mul) and all(_splits(f) for f in value.args):
        return sympy.Add(*(_log_of(f) for f in value.args))
    if isinstance(value, sympy.Pow) and _splits(value):
        return value.exp * _log_of(value.base)
    return sympy.log(value)


def _positive_factor(value: sympy.Expr) -> bool:
    """Whether every factor of ``value`` splits (positive on a likelihood's domain): the log of
    a product of factors that may be negative (``\\tanh(z_i)``, a name ``t_i``) is not the sum
    of their logs."""
    factors = value.args if isinstance(value, sympy.Mul) else (value,)
    return all(_splits(factor) for factor in factors)


def _splits(factor: sympy.Expr) -> bool:
    """Whether ``factor`` is positive on the domain of a likelihood: a power of a probability
    with a written exponent (``p_i^{y_i}``, ``(1 - p_i)^{1 - y_i}``), a product over the index
    of such, or positive by construction (``e^x``, ``σ(z)``)."""
    if isinstance(factor, sympy.Product):
        return _splits(factor.function)
    if isinstance(factor, sympy.Pow) and factor.exp.is_real is not False:
        return _splits(factor.base) or (not factor.exp.is_number and _probability(factor.base))
    return _positive(factor) or _positive_fraction(factor) is not None


def _probability(base: sympy.Expr) -> bool:
    """``p_i``, ``\\hat{y}``, ``1 - p_i``: a name, or one minus a name (never an index)."""
    if isinstance(base, sympy.Add) and len(base.args) == 2 and sympy.S.One in base.args:
        (other,) = [a for a in base.args if a != 1]
        if other.could_extract_minus_sign():
            return _name(-other)
    return _name(base)


def _name(value: sympy.Expr) -> bool:
    if isinstance(value, sympy.Indexed):
        return not any(isinstance(x, sympy.Product | sympy.Sum) for x in value.indices)
    return isinstance(value, sympy.Symbol) and not is_index(value) and not value.is_integer


def has_product(*sides: sympy.Expr) -> bool:
    """Whether a product over the index is left in ``sides`` (read at concrete sizes only)."""
    return any(side.has(sympy.Product) for side in sides)
