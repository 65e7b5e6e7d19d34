"""``expr.doit()`` with each sum's answer remembered: SymPy asks its generic summation (Gosper's
algorithm, hypergeometric terms) anew every time it meets a sum, 40–200 ms for a sum of
exponentials of a layer's inner sums ``Σ_k e^{b + Σ_m w_km x_m}`` that has no closed form; and a
document meets the same sum again and again (the same step in each index case, at each concrete
size, beside the partition sum on the other side).

:func:`doit` walks the expression as ``Basic.doit`` and ``AssocOp.doit`` do — the same
constructors on the same arguments, in the same order — and hands every outermost sum to SymPy's
own ``Sum.doit``, remembering the answer.  A sum is asked with its dummies (its bound index, the
indices of the sums inside it, an outer sum's index) renamed, in the order they first occur, to
dummies kept for the purpose (:func:`_canonical`), and the answer is renamed back: each step's
sums get fresh dummies when they are read, so the same sum came back under new names in every
index case and every reading (a third of a slow document's time).  Renaming bound and free dummies
one to one renames the sum, and ``Sum.doit`` does not look at names; an answer holding a dummy that
its sum did not hold is not remembered (a second ``doit`` would have made a new one).

A sum over a concrete range, ``Σ_{k=a}^{b} f(k)`` with integers ``a ≤ b`` (the steps written out at
``N = 1..6``), whose term is built from names, numbers and deltas by sums, products, powers,
``exp`` and ``log`` is written out as ``f(a) + … + f(b)`` (:func:`written_out`): that is its value,
by definition.  ``Sum.doit`` reaches the same value after trying partial fractions on the term
(``apart``, a tenth of a slow document's time) and factoring out what does not depend on ``k``.
"""

from __future__ import annotations

import sympy
from sympy.core.basic import Basic
from sympy.core.operations import AssocOp
from sympy.functions.special.tensor_functions import KroneckerDelta


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


_LEAVES = (sympy.Symbol, sympy.Number, sympy.Indexed, sympy.core.numbers.NumberSymbol)
_NODES = (sympy.Add, sympy.Mul, sympy.Pow, sympy.exp, sympy.log)
_LARGEST = 100  # terms written out at most, as Sum.doit writes them out directly


def _plain(expr: sympy.Basic) -> bool:
    """Names, numbers and deltas combined by sums, products, powers, ``exp`` and ``log``: no
    bound variable, so replacing ``k`` by a number is substituting it."""
    if isinstance(expr, _LEAVES):
        return not expr.has(sympy.Sum)
    if isinstance(expr, KroneckerDelta) or isinstance(expr, _NODES):
        return all(_plain(arg) for arg in expr.args)
    return False


def written_out(total: sympy.Sum) -> sympy.Basic | None:
    """``Σ_{k=a}^{b} f(k) = f(a) + f(a + 1) + … + f(b)`` for integers ``a ≤ b`` with at most
    100 terms and a term :func:`_plain` once its own sums are done; else ``None``.

    >>> k, y = sympy.Symbol("k", integer=True), sympy.IndexedBase("y")
    >>> written_out(sympy.Sum(y[k] * sympy.KroneckerDelta(k, 2) + k, (k, 1, 3)))
    y[2] + 6
    >>> written_out(sympy.Sum(y[k], (k, 1, sympy.Symbol("N")))) is None
    True
    """
    if len(total.limits) != 1:
        return None
    k, low, high = total.limits[0]
    count = high - low
    if not (low.is_Integer and count.is_Integer and 0 <= count < _LARGEST):
        return None
    term = doit(total.function)
    if not _plain(term):
        return None
    return sympy.Add(*[term.xreplace({k: low + j}) for j in range(int(count) + 1)])


_KEPT_DUMMIES: dict[tuple, list[sympy.Dummy]] = {}


def _canonical(total: sympy.Sum) -> dict[sympy.Dummy, sympy.Dummy]:
    """The dummies of ``total``, in the order they first occur, each to the next dummy kept for
    its name and assumptions (one to one: two dummies of ``total`` never share a kept one)."""
    renaming: dict[sympy.Dummy, sympy.Dummy] = {}
    used: dict[tuple, int] = {}
    for node in sympy.preorder_traversal(total):
        if isinstance(node, sympy.Dummy) and node not in renaming:
            key = (node.name, tuple(sorted(node.assumptions0.items())))
            kept = _KEPT_DUMMIES.setdefault(key, [])
            position = used[key] = used.get(key, -1) + 1
            if position == len(kept):
                kept.append(sympy.Dummy(node.name, **node.assumptions0))
            renaming[node] = kept[position]
    return renaming


def _sum(total: sympy.Sum) -> sympy.Basic:
    renaming = _canonical(total)
    asked = total.xreplace(renaming)
    done = _ANSWERS.get(asked)
    if done is None:
        done = written_out(asked)
        if done is None:
            done = asked.doit()
        if done.atoms(sympy.Dummy) <= asked.atoms(sympy.Dummy):
            if len(_ANSWERS) >= _KEPT:
                _ANSWERS.clear()
            _ANSWERS[asked] = done
    return done.xreplace({new: old for old, new in renaming.items()})
