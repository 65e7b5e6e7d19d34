"""A capital name given as the entries of its own lower-case letter, ``X = [x_1, x_2, …,
x_n]``: the vector x under another name (X_i is x_i), so ``softmax(X)_i`` is the softmax of x."""

from __future__ import annotations

import re

import sympy

from symsoft.reading.meaning.table import Meaning

_ENTRY_LETTERS = re.compile(r"(?<![\\a-zA-Z])([a-zA-Z])\s*_")


def entries_alias(name: str, rhs: str, own_entries: bool, where: str) -> Meaning | None:
    """The meaning of ``name`` when ``rhs`` lists the entries of its lower-case letter alone,
    else None."""
    if not own_entries or len(name) != 1 or not name.isupper():
        return None
    if set(_ENTRY_LETTERS.findall(rhs)) != {name.lower()}:
        return None
    k = sympy.Dummy("k", integer=True, positive=True)
    value = sympy.IndexedBase(name.lower())[k]
    return Meaning(name, k, value, where, f"{name} = {' '.join(rhs.split())}")
