"""The true class a definition is written at: ``y^{LS}_k = (1 - \\epsilon) \\delta_{kc} +
\\frac{\\epsilon}{K}`` defines every entry k of the smoothed labels for one class c."""

from __future__ import annotations

import re

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


def class_parameters(value: sympy.Expr, indexed: frozenset[str]) -> set[sympy.Symbol]:
    """The letters a scalar's definition leaves free as the true class: ``L = -\\log p_y``,
    ``L = -z_c + \\log \\sum_j e^{z_j}``, ``L = -\\sum_k \\mathbb{1}\\{k = y\\} \\log p_k``.  A
    letter counts when no name of the text is written with it as a base (``y_k`` makes y the
    targets), it is the index of one name only outside the sums (``-y_i \\log p_i`` is a sum
    dropped, not a class) and, inside a sum, it is only compared with the sum's own index."""
    found = set()
    for letter in {s for s in value.free_symbols if is_index(s)} - {
        s for s in value.free_symbols if s.name in indexed
    }:
        inside = [s for s in value.atoms(sympy.Sum) if letter in s.free_symbols]
        outside = value.xreplace({s: sympy.Dummy() for s in inside})
        if len({e.base for e in outside.atoms(sympy.Indexed) if letter in e.indices}) > 1:
            continue
        if all(_compared_only(s, letter) for s in inside):
            found.add(letter)
    return found


def _compared_only(total: sympy.Sum, letter: sympy.Symbol) -> bool:
    """``letter`` enters the sum only in a Kronecker delta with one of the sum's own indices."""
    bound = {limit[0] for limit in total.limits}
    deltas = [
        d
        for d in total.function.atoms(sympy.KroneckerDelta)
        if letter in d.args and bound & d.free_symbols
    ]
    rest = total.function.xreplace({d: sympy.Dummy() for d in deltas})
    return letter not in rest.free_symbols


# a name with one row index beside a name with two (t_b beside z_{bk}, y_n beside s_{nk})
_ONE_INDEX = r"(?<![\\A-Za-z])([A-Za-z])\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))(?![A-Za-z0-9_^'])"
_TWO_INDICES = r"(?<![\\A-Za-z])[A-Za-z]\s*_\s*\{\s*([a-z])\s*,?\s*[a-z]\s*\}"


def per_row_letters(text: str) -> frozenset[str]:
    """Letters the text writes with a subscript only as one value per row of a batch: ``t_b``
    (the target class of row b) where some name has two indices with b first (``z_{bk}``).
    Such a letter still names a class in ``J = -\\log q_t``.

    >>> sorted(per_row_letters(r"J = -\\log q_t, then q_{bk} - \\delta_{k t_b}"))
    ['t']
    >>> sorted(per_row_letters(r"L = -\\log p_y, \\sum_k y_k \\log p_k"))
    []
    """
    rows = set(re.findall(_TWO_INDICES, text))
    uses: dict[str, set[str]] = {}
    for match in re.finditer(r"(?<![\\A-Za-z])([A-Za-z])\s*_", text):
        one = re.match(_ONE_INDEX, text[match.start() :])
        uses.setdefault(match.group(1), set()).add((one.group(2) or one.group(3)) if one else "")
    # (a class letter: written as an index too, q_t; not z_k beside W_{kj}, a layer's entries)
    scripts = "".join(re.findall(r"_\s*(\{[^{}]*\}|[A-Za-z])", text))
    return frozenset(
        letter for letter, found in uses.items() if found and found <= rows and letter in scripts
    )
