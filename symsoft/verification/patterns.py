"""Entries that are the same computation are decided once: the ring path without per-entry
overhead.

The ring path (:func:`~symsoft.verification.fast.fast_entry`) computes, for entry
``(i, j)``, a pure function of three inputs:

* the *shape* of the SymPy expression it differentiates (``S_i = e^{a_i}/Z``, the term
  ``−y_i log p_i``…): its tree, with each leaf replaced by the rule the derivation gives that
  leaf (``e^{a_i}`` is "the row's own exponential", ``Z`` is "the partition sum");
* the entry's *index pattern*: which of its indices are equal (``i = j`` or ``i ≠ j``) — the
  local ring, the hypotheses and the Kronecker deltas depend on nothing else at a fixed N;
* the theorem (its closed form, kind and hypotheses).

So two entries with equal inputs get the same result, and computing it again proves nothing new.
Here the shape of *every* entry's own expression is still read (per row: the row's function is
shared by its entries), and the result is reused only when all three inputs are equal.  Only
"proved" is reused: it does not depend on the seed, while a counterexample does.  A closed form
whose lowering could depend on more than the pattern (a literal index ``S_2``, an index outside a
subscript, an unknown sum) is never reused, nor is an expression with a node the shape does not
know: those entries take the full path, one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

import sympy

from symsoft.catalogue import notation as nt
from symsoft.catalogue.family import Family
from symsoft.catalogue.theorems import Theorem
from symsoft.results import Verdict
from symsoft.verification.fast import fast_entry
from symsoft.verification.local import TARGET_SUM, VECTOR_SUM
from symsoft.verification.regression import regression_entry

_UNKNOWN = object()


def shape(expr: sympy.Basic, roles: Mapping[sympy.Basic, str]) -> Hashable | None:
    """The tree :func:`~symsoft.verification.derivation.derive` walks, leaves replaced by their
    roles; None when the walk meets a node it has no rule for (then nothing is reused).

    >>> a1, z = sympy.symbols("a_1 Z")
    >>> node, parts = shape(sympy.exp(a1) / z, {sympy.exp(a1): "own", z: "Z"})
    >>> node, sorted(parts)  # the factors in SymPy's order, which varies between versions
    ('*', [('^', ('leaf', 'Z'), -1), ('leaf', 'own')])
    """
    result = _shape(expr, roles)
    return None if result is _UNKNOWN else result


def _shape(expr: sympy.Basic, roles: Mapping[sympy.Basic, str]) -> object:
    # mirrors derive(): leaves first, then the node types it has rules for, in its order
    role = roles.get(expr)
    if role is not None:
        return ("leaf", role)
    if expr.is_Rational:
        return ("q", expr)
    if expr.is_Add or expr.is_Mul:
        parts = tuple(_shape(arg, roles) for arg in expr.args)
        if any(part is _UNKNOWN for part in parts):
            return _UNKNOWN
        return ("+" if expr.is_Add else "*", parts)
    if expr.is_Pow and expr.exp.is_Integer:
        base = _shape(expr.base, roles)
        return _UNKNOWN if base is _UNKNOWN else ("^", base, int(expr.exp))
    if isinstance(expr, sympy.log):
        inner = _shape(expr.args[0], roles)
        return _UNKNOWN if inner is _UNKNOWN else ("log", inner)
    return _UNKNOWN


def pattern_generic(closed_form: sympy.Basic, names: tuple[sympy.Symbol, ...]) -> bool:
    """Whether lowering ``closed_form`` at an entry depends only on which of the entry's
    indices ``names`` are equal: each index appears only as a plain subscript ``S[i]`` or in a
    ``δ(i, j)``, and every sum is one the local ring names as a whole."""
    allowed = set(names)
    atoms = {TARGET_SUM, VECTOR_SUM}

    def generic(node: sympy.Basic) -> bool:
        if node in atoms:
            return True
        if isinstance(node, sympy.Indexed):
            return all(index in allowed for index in node.indices)
        if isinstance(node, sympy.KroneckerDelta):
            return all(arg in allowed for arg in node.args)
        if isinstance(node, sympy.Sum | sympy.Idx) or node in allowed:
            return False
        if node.is_Symbol and node.is_integer:  # a summation index left outside its sum
            return node in (nt.N,)
        return all(generic(arg) for arg in node.args)

    return generic(closed_form)


def _row_shape(theorem: Theorem, family: Family, row: int) -> Hashable | None:
    """The shape of what row ``row`` differentiates (its entries share the function)."""
    key = ("row shape", theorem.kind, row)
    if key in family.cache:
        return family.cache[key]  # type: ignore[return-value]
    if theorem.shape.rows == "jacobian":
        s = family.tempered if theorem.shape.tempered else family.softmax
        function, _ = family.function(theorem, (row, row))
        roles = {s.exponentials[row - 1]: "own", s.partition_sum: "Z"}
    else:  # the gradient row the entry starts from: ∂/∂x_row of the term −y_row log p_row
        ce = family.cross_entropy
        function = ce.terms[row - 1]
        roles = {
            ce.probabilities.exponentials[row - 1]: "own",
            ce.probabilities.partition_sum: "Z",
            ce.targets[row - 1]: "target",
        }
    result = family.cache[key] = shape(function, roles)
    return result


def decider(
    theorem: Theorem, family: Family, seed_of: Callable[[tuple[int, ...]], int]
) -> Callable[[tuple[int, ...]], Verdict]:
    """The entries of ``theorem`` decided by
    :func:`~symsoft.verification.fast.fast_entry` (with the seed ``seed_of(index)``;
    the batched regression by :func:`~symsoft.verification.regression.regression_entry`),
    reusing a "proved" already reached for an entry with the same shape and index pattern."""
    entry = regression_entry if theorem.shape.ring == "regression" else fast_entry
    reuse = theorem.shape.rows is not None and pattern_generic(
        theorem.closed_form, tuple(family.binding(theorem, (1, 2)))
    )
    shape_ids: dict[Hashable, int] = {}
    row_ids: dict[int, int | None] = {}
    proved: dict[tuple[int, bool], Verdict] = {}

    def row_id(row: int) -> int | None:
        row_shape = _row_shape(theorem, family, row)
        found = None if row_shape is None else shape_ids.setdefault(row_shape, len(shape_ids))
        row_ids[row] = found
        return found

    def decide(index: tuple[int, ...]) -> Verdict:
        if reuse and len(index) == 2:
            row = index[0]
            shape_id = row_ids[row] if row in row_ids else row_id(row)
            if shape_id is not None:
                key = (shape_id, row == index[1])
                verdict = proved.get(key)
                if verdict is None:
                    verdict = entry(theorem, family, index, seed_of(index))
                    if verdict.status == "proved":
                        proved[key] = verdict
                return verdict
        return entry(theorem, family, index, seed_of(index))

    return decide
