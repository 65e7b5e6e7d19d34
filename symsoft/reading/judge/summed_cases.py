"""A case the text states with an index the step only sums over: "When $i = j$", then
``-\\sum_j y_j \\frac{1}{\\hat{y}_j} \\frac{\\partial \\hat{y}_j}{\\partial \\theta_i} = -y_i (1 -
\\hat{y}_i)``. The author means the term j = i of the sum, a reading this reader does not make:
judged as written the step would be refuted for what the author never claimed."""

from __future__ import annotations

import sympy

from symsoft.reading.documents.spans import Relation


def summed_in_case(condition: Relation | None, lhs: sympy.Expr, rhs: sympy.Expr) -> str:
    """The letter of ``condition`` that the step sums over and never uses free, else "".

    >>> i, j = sympy.symbols("i j", integer=True)
    >>> y = sympy.IndexedBase("y")
    >>> summed_in_case(Relation("i", True, "j"), sympy.Sum(y[j], (j, 1, 3)), y[i])
    'j'
    """
    if condition is None:
        return ""
    free = {s.name for side in (lhs, rhs) for s in side.free_symbols}
    summed = {
        v.name for side in (lhs, rhs) for total in side.atoms(sympy.Sum) for v in total.variables
    }
    letters = [condition.left, condition.right]
    return next((x for x in letters if x in summed and x not in free), "")
