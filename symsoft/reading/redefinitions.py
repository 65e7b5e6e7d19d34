"""A name defined again without words that announce it: whether the new value is a new
meaning rather than a restatement to judge."""

from __future__ import annotations

import sympy

from symsoft.reading.steps import Meaning


def _names(value: sympy.Expr) -> set[str]:
    """The variables a value is built from (``z``, ``T``), not its indices nor its size."""
    names = {str(entry.base.label) for entry in value.atoms(sympy.Indexed)}
    bases = {entry.base.label for entry in value.atoms(sympy.Indexed)}
    for symbol in value.free_symbols:
        if isinstance(symbol, sympy.Dummy) or symbol.is_integer or symbol in bases:
            continue
        names.add(symbol.name)
    return names


def brings_new_names(first: Meaning, later: Meaning) -> bool:
    """Whether the later value is built from a variable the first one does not use: the
    softmax written again with a temperature (``p_i = \\frac{e^{z_i / T}}{\\sum_k e^{z_k /
    T}}`` after ``p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}``, "distillation divides the logits
    by $T$") is a new definition, not a restatement that fails.

    >>> import sympy
    >>> z, T, i = sympy.IndexedBase("z"), sympy.Symbol("T", positive=True), sympy.Dummy("i")
    >>> plain = Meaning("p", i, sympy.exp(z[i]), "line 1", "")
    >>> brings_new_names(plain, Meaning("p", i, sympy.exp(z[i] / T), "line 5", ""))
    True
    >>> brings_new_names(plain, Meaning("p", i, 2 * sympy.exp(z[i]), "line 5", ""))
    False
    """
    return bool(_names(later.value) - _names(first.value))
