"""``expr.doit()`` with each sum's answer remembered: SymPy asks its generic summation (Gosper's
algorithm, hypergeometric terms) anew every time it meets a sum, 40–200 ms for a sum of
exponentials of a layer's inner sums ``Σ_k e^{b + Σ_m w_km x_m}`` that has no closed form; and a
document meets the same sum again and again (the same step in each index case, at each concrete
size, beside the partition sum on the other side).

:func:`doit` walks the expression as ``Basic.doit`` and ``AssocOp.doit`` do — the same
constructors on the same arguments, in the same order — and hands every outermost sum to SymPy's
own ``Sum.doit``, remembering the answer for that very sum (its bound dummies included, so two
sums that differ only in their dummies are two entries).  The answer is SymPy's, so the result is
equal to ``expr.doit()``; an answer holding a dummy that its sum did not hold is not remembered
(a second ``doit`` would have made a new one).
"""

from __future__ import annotations

import sympy
from sympy.core.basic import Basic
from sympy.core.operations import AssocOp


def doit(expr: sympy.Basic) -> sympy.Basic:
    """``expr.doit()``, each sum's answer remembered.

    >>> k, N = sympy.Dummy("k", integer=True), sympy.Symbol("N", integer=True, positive=True)
    >>> x = sympy.IndexedBase("x")
    >>> total = sympy.Sum(sympy.exp(x[k]), (k, 1, 3))
    >>> doit(2 * total) == (2 * total).doit()
    True
    """
    if type(expr) is sympy.Sum:
        return _sum(expr)
    if not expr.has(sympy.Sum):
        return expr.doit()
    method = type(expr).doit
    if method is AssocOp.doit:
        return expr.func(*[doit(term) for term in expr.args], evaluate=True)
    if method is Basic.doit:
        return expr.func(*[doit(term) if isinstance(term, Basic) else term for term in expr.args])
    return expr.doit()


_ANSWERS: dict[sympy.Sum, sympy.Basic] = {}
_KEPT = 4096  # sums remembered before the memory starts anew


def _sum(total: sympy.Sum) -> sympy.Basic:
    done = _ANSWERS.get(total)
    if done is None:
        done = _loosened(total).doit()
        if done.atoms(sympy.Dummy) <= total.atoms(sympy.Dummy):
            if len(_ANSWERS) >= _KEPT:
                _ANSWERS.clear()
            _ANSWERS[total] = done
    return done


def _loosened(total: sympy.Sum) -> sympy.Sum:
    """The sum with each index that is assumed positive but runs from 0 or below (``Σ_{n=0}^{N-1}``
    with the reader's positive n) replaced by an integer of no sign: SymPy's dummy of such a sum
    at N = 1 would be positive and non-positive at once (InconsistentAssumptions). Its terms are
    the same values.

    >>> n = sympy.Symbol("n", integer=True, positive=True)
    >>> _loosened(sympy.Sum(n + 1, (n, 0, 0))).doit()
    1
    """
    loose = {
        index: sympy.Dummy(index.name, integer=True)
        for index, low, _ in total.limits
        if index.is_positive and (low >= 1) is not sympy.true
    }
    return total.xreplace(loose) if loose else total
