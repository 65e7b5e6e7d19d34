"""The true class a definition is written at: ``y^{LS}_k = (1 - \\epsilon) \\delta_{kc} +
\\frac{\\epsilon}{K}`` defines every entry k of the smoothed labels for one class c."""

from __future__ import annotations

import sympy

from symsoft.reading.judge.symbolic import is_index


def classes(value: sympy.Expr, symbol: sympy.Symbol | None) -> set[sympy.Symbol]:
    """The letters a definition writes only beside its own index in a Kronecker delta: the true
    class ``c`` of ``y^{LS}_k = (1 - \\epsilon) \\delta_{kc} + \\frac{\\epsilon}{K}``, a fixed
    index the steps are then judged at in every case (``i = c``, ``i ≠ c``)."""
    if symbol is None:
        return set()
    deltas = [d for d in value.atoms(sympy.KroneckerDelta) if symbol in d.args]
    others = {a for d in deltas for a in d.args if a != symbol and isinstance(a, sympy.Symbol)}
    rest = value.xreplace({d: sympy.Dummy() for d in deltas}).free_symbols
    return {c for c in others if is_index(c) and c not in rest}
