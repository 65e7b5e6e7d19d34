"""A small network written in scalars: a name the text sets entry by entry, each entry with a
value of its own (``z_0 = w_0 x_0 + w_2 x_1 + b_0``, ``a_0 = \\sigma(z_0)``, ``a_2 = w_4 a_0 +
w_5 a_1 + b_2``), read entry by entry; a derivative by one entry keeps that entry and puts the
others in (:func:`symsoft.reading.notation.through_names.expanded_by`)."""

from __future__ import annotations

from collections.abc import Callable

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.meaning.definitions import _read_apart
from symsoft.reading.meaning.set_equal import SetEqual, written_through
from symsoft.reading.meaning.table import Meaning, Meanings
from symsoft.reading.meaning.value_checks import leaves_of


def network_names(
    set_equal: dict[str, SetEqual], differentiated: set[str], variables: set[str]
) -> set[str]:
    """The names set entry by entry that the text differentiates, or whose values write what it
    differentiates by (``a_2 = w_4 a_0 + b_2`` beside ``\\frac{\\partial L}{\\partial w_4}``),
    and the names their entries write that are set so too (``z_0`` of ``a_0 = \\sigma(z_0)``):
    one network, read as a whole (a part left unread would let a flag rest on free values)."""
    found = {
        name
        for name, entries in set_equal.items()
        if name in differentiated or written_through(entries, variables - {name})
    }
    grown = True
    while grown:
        reached = {
            name
            for name in set(set_equal) - found
            if any(written_through(set_equal[other], {name}) for other in found)
            or any(written_through(set_equal[name], {other}) for other in found)
        }
        found |= reached
        grown = bool(reached)
    return found


def read_by_entry(
    name: str,
    entries: SetEqual,
    meanings: Meanings,
    found: tuple[dict[str, tuple[int, Meaning]], dict[tuple[int, int], str]],
    failed: bool,
) -> None:
    """Enter the name's entries in the table as one meaning (see :func:`entry_meaning`), unless
    the name has a definition not read (``P = [… ; …]``, then ``$P_1 = e^{y_1}/S$`` in a
    sentence: the entry restates it), and say of each step that sets an entry first that it is
    its definition (read or not). ``found``: the names considered and the definitions."""
    considered, definitions = found
    meaning = None if failed else entry_meaning(name, entries, lambda v: _read_apart(v, meanings))
    if meaning is not None and not meanings.closes_a_cycle(meaning):
        meanings.table[name] = meaning
        meanings.defined_at[name] = entries.position
        considered[name] = (entries.position, meaning)
        meanings.leaves |= leaves_of(meaning.value, meanings)
    unread = "" if name in meanings.table else ", not read"
    for key, entry in entries.first.items():
        definitions.setdefault(key, f"definition of {entry}{unread}")


def entry_meaning(
    name: str, entries: SetEqual, read: Callable[[str], sympy.Expr | str] | None = None
) -> Meaning | None:
    """The meaning of a name the text sets entry by entry with values of their own (a small
    network in scalars: ``z_0 = w_0 x_0 + w_2 x_1 + b_0``, ``a_0 = \\sigma(z_0)``, ``a_2 = w_4
    a_0 + w_5 a_1 + b_2``): each entry its value, no other entry any; None when a value does
    not parse (by ``read``, the document's reader, else on its own) or the entries reach
    themselves.

    >>> entries = SetEqual("line 3", 0, {0: r"\\sigma(z_0)", 2: "w_4 a_0 + b_2"})
    >>> meaning = entry_meaning("a", entries)
    >>> meaning.value.xreplace({meaning.index: 2}), meaning.by_entry
    (a[0]*w[4] + b[2], True)
    >>> entry_meaning("a", SetEqual("line 3", 0, {0: "a_1", 1: "a_0 + 1"})) is None
    True
    """
    values: dict[int, sympy.Expr] = {}
    for index, written in sorted(entries.values.items()):
        try:
            value = (read or _parsed)(written) if written else None
        except SymsoftError:
            return None
        if not isinstance(value, sympy.Expr) or value.has(sympy.Piecewise):
            return None
        values[index] = value
    # each entry reaches only entries set before it in the text's order of indices
    for index, value in values.items():
        for entry in value.atoms(sympy.Indexed):
            if str(entry.base.label) == name and not (
                entry.indices[0].is_Integer and int(entry.indices[0]) < index
            ):
                return None
    m = sympy.Dummy("m", integer=True)
    picked = sympy.Piecewise(*((value, sympy.Eq(m, k)) for k, value in values.items()))
    latex = ", ".join(f"{name}_{k} = {entries.values[k]}" for k in values)
    return Meaning(name, m, picked, entries.where, latex, by_entry=True)


def _parsed(written: str) -> sympy.Expr:
    return parse_expression(written, open_names=True)
