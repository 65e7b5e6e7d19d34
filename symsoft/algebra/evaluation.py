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
    if expr.has(sympy.Product):  # \prod_{n=0}^{N-1} at N = 2, anywhere: as a sum's index
        expr = expr.replace(lambda e: type(e) is sympy.Product, _loosened)
    if type(expr) is sympy.Sum:
        return _sum(expr)
    if not expr.has(sympy.Sum, sympy.Product):
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
    if done is not None:
        return done
    if _opaque(total):
        # Σ_{n=0}^{N-1} f(x_n): no method of SymPy's answers it (see _opaque); its own doit
        # would try them all (Gosper, hypergeometric terms, telescoping) for seconds
        loose = _loosened(total)  # as below, its index of no sign
        summand = doit(loose.function)
        if _opaque(kept := loose.func(summand, *loose.limits)):  # (e^u e^{-u} done is 1)
            done = kept
    if done is None:
        done = _loosened(total).doit()
    if done.atoms(sympy.Dummy) <= total.atoms(sympy.Dummy):
        if len(_ANSWERS) >= _KEPT:
            _ANSWERS.clear()
        _ANSWERS[total] = done
    return done


def _loosened(total: sympy.Sum | sympy.Product) -> sympy.Sum | sympy.Product:
    """The sum (or product) with each index that is assumed positive but runs from 0 or below
    (``Σ_{n=0}^{N-1}`` with the reader's positive n) replaced by an integer of no sign: SymPy's
    dummy of such a sum at N = 1 would be positive and non-positive at once
    (InconsistentAssumptions). Its terms are the same values.

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


def _opaque(total: sympy.Sum) -> bool:
    """Whether SymPy's ``Sum.doit`` can only give the sum back, its summand done: one index
    running over a range of symbolic length that is not empty (N − 1 ≥ 0), written in the summand
    only as the whole of an entry's index (``x[n]``, ``y[n, 0]``; never ``x[n + 1]``, which may
    telescope, nor ``n`` itself, which may be a polynomial or geometric term), and not only in
    entries that cancel (``e^{u_n} e^{-u_n}``, a constant SymPy sums). Every method of
    ``eval_sum`` then fails: a term in ``x[n]`` is no polynomial, geometric or hypergeometric
    term of ``n``, and one not in ``n`` is answered only with the rest of its sum.

    >>> n, N = sympy.Symbol("n", integer=True), sympy.Symbol("N", integer=True, positive=True)
    >>> x = sympy.IndexedBase("x")
    >>> _opaque(sympy.Sum(sympy.exp(x[n]) + 1, (n, 0, N - 1)))
    True
    >>> _opaque(sympy.Sum(x[n + 1] - x[n], (n, 0, N - 1)))
    False
    """
    if len(total.limits) != 1:
        return False
    index, low, high = total.limits[0]
    length = high - low
    if length.is_Integer or length.is_nonnegative is not True:
        return False
    entries = {
        entry: sympy.Dummy()
        for entry in total.function.atoms(sympy.Indexed)
        if index in entry.indices
        and all(i == index or not i.has(index) for i in entry.indices)
        and not entry.base.has(index)
    }
    if not entries or total.function.xreplace(entries).has(index):
        return False
    # a term whose entries cancel (e^{u_n} e^{-u_n}) is a constant, which SymPy sums: not opaque
    return sympy.powsimp(total.function).has(index)
