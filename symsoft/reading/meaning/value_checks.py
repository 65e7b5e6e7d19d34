"""Small questions about one definition while the document's meanings are read: whether a
second value is a worked example's number, what a value rests on, and the letters that enter
only through a definition not read."""

from __future__ import annotations

import re

import sympy

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.meaning.table import Meaning, Meanings


def a_value_of(later: Meaning | str, first: Meaning | str) -> bool:
    """Whether a second definition of a name is a number (``L = -\\log(0.7)``) where its first
    is built from variables: the value at a worked example, not a new meaning."""
    if not isinstance(later, Meaning) or not isinstance(first, Meaning):
        return False
    return not later.value.free_symbols and bool(first.value.free_symbols)


def written_without(meanings: Meanings, name: str, variable: str) -> bool:
    """Whether the document defines ``name`` with a value that never writes ``variable``."""
    meaning = meanings.table.get(name)
    if meaning is None or meaning.source == "standard" or variable in meanings.table:
        return False
    try:
        value = meanings.expand(meaning.value)
    except Unreadable:
        return False  # what it is written in is not known
    names = {str(e.base.label) for e in value.atoms(sympy.Indexed)}
    return variable not in names | {s.name for s in value.free_symbols}


def leaves_of(value: sympy.Expr, meanings: Meanings) -> set[str]:
    try:
        expanded = meanings.expand(value)
    except Unreadable:
        return set()
    names = {str(e.base.label) for e in expanded.atoms(sympy.Indexed)}
    return names | {s.name for s in expanded.free_symbols if s.name in ("z", "x")}


def enter_unread(
    meanings: Meanings, name: str, rhs: str, where: str, skip: frozenset[str] = frozenset()
) -> None:
    """The letters of ``rhs`` (but ``name`` and ``skip``) enter only through the definition of
    ``name`` at ``where``, which is not read."""
    for letter in re.findall(r"(?<![\\a-zA-Z])[a-zA-Z](?![a-zA-Z])", rhs):
        if letter != name and letter not in skip:
            meanings.unread_inputs.setdefault(letter, f"{name} at {where}")


def unwritten_logits(meanings: Meanings, everything: str, stated: set[str]) -> frozenset[str]:
    """symsoft's default free vectors ``a`` and ``o`` (the logits of its standard softmax) in a
    text that never writes them with an index, writes them with an example's or a layer's label
    (``a^{(i)}``) and sets them equal to an expression in a line not read (``\\hat{y}^{(i)} =
    a^{(i)} = \\sigma(z^{(i)})``): a plain ``a`` there is an activation with its label dropped,
    which no default may make free (``σ'(z) = a(1 - a)`` flagged at a = 7/2: red team 72 a). A
    slope ``a`` set to a number (``$a = 1$``) or a function's argument stays free."""
    return frozenset(
        letter
        for letter in "ao"
        if letter in meanings.leaves
        and letter not in stated | set(meanings.table)
        and not re.search(rf"(?<![a-zA-Z\\]){letter}\s*_", everything)
        # (written with an example's or a layer's label, a^{(i)}: the label dropped after)
        and re.search(rf"(?<![a-zA-Z\\]){letter}\s*\^\s*\{{\s*[(\[]", everything)
        and any(
            re.search(r"[A-Za-z\\]", value)
            for value in re.findall(
                rf"(?<![a-zA-Z\\]){letter}\s*(?:\^\s*(?:\{{[^{{}}]*\}}|\S))?\s*=(?!=)([^$=]*)",
                everything,
            )
        )
    )
