"""A derivative by a name the text defines as a scaled or shifted vector (``u_k = z_k / T``):
the quantity, written with z, is written with u (``z_j = T u_j``) before it is differentiated,
so that ``\\frac{\\partial q_i}{\\partial u_k}`` of ``q_i = \\frac{e^{z_i / T}}{…}`` is the
softmax Jacobian; and the checks that the entries a derivative passes through are read."""

from __future__ import annotations

import sympy

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.symbolic import name_of
from symsoft.reading.meaning.table import Meanings


def expanded_by(
    meanings: Meanings, quantity: sympy.Expr, keep: frozenset[str], variables: list[sympy.Expr]
) -> sympy.Expr:
    """``quantity`` with the meanings put in, the names of ``keep`` (the variables) kept; a
    name a variable is defined as, name for name (``a = \\hat{y}``), is kept too and written
    as that variable: ∂L/∂a of an L the text writes with ŷ (real round 77)."""
    aliases = {}
    for name in keep:
        meaning = meanings.table.get(name)
        if (
            meaning is not None
            and meaning.index is None
            and isinstance(meaning.value, sympy.Symbol)
        ):
            if meaning.value.name not in keep:
                aliases[meaning.value.name] = name
    # an entry of a name set entry by entry (a_1 of a_0 = σ(z_0), a_1 = σ(z_1), a_2 = w_4 a_0 +
    # w_5 a_1): that entry kept, the others put in (∂a_2/∂a_1 = w_5)
    entries = frozenset(
        v
        for v in variables
        if isinstance(v, sympy.Indexed)
        and (by := meanings.table.get(name_of(v))) is not None
        and by.by_entry
    )
    keep = keep - {name_of(v) for v in entries}
    expr = meanings.expand(quantity, keep | frozenset(aliases), entries=entries)
    if not aliases:
        return expr
    by = {name_of(v): v for v in variables}
    return expr.xreplace(
        {s: by[aliases[s.name]] for s in expr.free_symbols if s.name in aliases}  # type: ignore[attr-defined]
    )


def through_scaled(
    expr: sympy.Expr, absent: set[str], variables: list[sympy.Expr], meanings: Meanings
) -> sympy.Expr | None:
    """``expr`` written with the absent variable where its definition ``u_k = a z_k + b`` (a
    and b numbers the text does not define) scales the one vector z the expression uses; None
    when no such definition is there."""
    if len(absent) != 1:
        return None
    (name,) = absent
    meaning = meanings.table.get(name)
    by = next((v for v in variables if name_of(v) == name), None)
    if meaning is None or meaning.index is None or not isinstance(by, sympy.Indexed):
        return None
    entries = meaning.value.atoms(sympy.Indexed)
    if len(entries) != 1:
        return None
    (entry,) = entries
    if entry.indices != (meaning.index,):
        return None
    x = sympy.Dummy("x")
    value = meaning.value.xreplace({entry: x})
    scale, shift = sympy.diff(value, x), value.subs(x, 0)
    defined = set(meanings.table) | set(meanings.maxima)
    parameters = {s.name for s in (scale.free_symbols | shift.free_symbols)}
    if (
        sympy.diff(value, x, 2) != 0
        or scale == 0
        or meaning.index in scale.free_symbols | shift.free_symbols
        or scale.atoms(sympy.Indexed) | shift.atoms(sympy.Indexed)
        or parameters & defined
    ):
        return None
    base = entry.base
    if not any(e.base == base for e in expr.atoms(sympy.Indexed)):
        return None  # a_i = S_i beside an S read as its value: the expression never writes S
    return expr.replace(
        lambda e: isinstance(e, sympy.Indexed) and e.base == base,
        lambda e: (by.base[e.indices] - shift) / scale,
    )


def check_entries_read(expr: sympy.Expr, variables: list[sympy.Expr], pos: int) -> None:
    """Raise when ``expr`` passes through entries of a name defined without an index and
    written with one, or differentiates by a vector written only with an index."""
    labels = {e.base.label for e in expr.atoms(sympy.Indexed)}
    for label in labels - set(expr.free_symbols):  # (W x + b)_k: z = Wx + b, then z_k
        names = {name_of(s) for s in label.free_symbols}  # (\tanh(u))_j by u_j too
        if by := sorted(name_of(v) for v in variables if name_of(v) in names):
            raise Unreadable(
                f"entries of {label}, defined without an index and written with one: "
                f"a derivative by {by[0]} through them is not read",
                pos,
            )
    bare = {s.name for s in expr.free_symbols - labels if isinstance(s, sympy.Symbol)}
    for variable in variables:
        if isinstance(variable, sympy.Symbol) and variable.name not in bare:
            raise Unreadable(  # ∂p_i/∂z, p_i = e^{z_i}/Σ_k e^{z_k}: by the vector z?
                f"a derivative by {variable.name}, which is written here only with an "
                "index: by the vector? not read",
                pos,
            )


__all__ = ["check_entries_read", "through_scaled"]
