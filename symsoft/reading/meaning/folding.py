"""A name given to a part of another definition: ``\\hat{y} = \\sigma(\\mathbf{w}^\\top
\\mathbf{x})`` "with $z = \\mathbf{w}^\\top \\mathbf{x}$". The text means ŷ = σ(z): a derivative
of ŷ by z is σ'(z), not 0. Where a definition's value (with at least one variable, more than a
name) is written inside another definition, it is written there as its name, when the text
differentiates by that name. Every value is unchanged once the names are put in; only a
derivative by the name sees it."""

from __future__ import annotations

from dataclasses import replace

import sympy

from symsoft.reading.meaning.scopes import differentiated_by
from symsoft.reading.meaning.table import Meanings


def fold_definitions(meanings: Meanings, text: str) -> None:
    """Write each scalar definition's value (with no free index) as its name inside the other
    scalar definitions."""
    sizes = meanings.size_names()
    parts = {
        name: meaning.value
        for name, meaning in meanings.table.items()
        if meaning.index is None
        and meaning.source != "standard"
        and not isinstance(meaning.value, (sympy.Symbol, sympy.Indexed))
        and meaning.value.free_symbols
        and differentiated_by(text, name)  # \frac{\partial \hat{y}}{\partial z}: z a variable
        and not any(  # an index: f = e^{z_i} is no part of ŷ_j (a size N is)
            s.is_integer and s.name not in sizes for s in meaning.value.free_symbols
        )
    }
    for name, part in sorted(parts.items()):
        symbol = sympy.Symbol(name, real=True)
        for other, meaning in list(meanings.table.items()):
            if other == name or meaning.source == "standard" or meaning.index is not None:
                continue  # (an entry's meaning, ŷ_i = e^{z_i} / g, keeps its own index)
            if meaning.value.dummy_eq(part):
                continue
            folded = meaning.value.replace(
                lambda e, part=part: e.dummy_eq(part), lambda e, symbol=symbol: symbol
            )
            rest = (
                folded.free_symbols
                - {symbol}
                - {sympy.Symbol(n, integer=True, positive=True) for n in sizes}
            )
            if rest and any(not isinstance(s, sympy.Dummy) for s in rest):
                continue  # g = (x + y)^2 - y by u = x + y: which of x, y is held fixed? not said
            if folded != meaning.value and symbol not in parts.get(other, sympy.S.Zero).atoms():
                meanings.table[other] = replace(meaning, value=folded)
