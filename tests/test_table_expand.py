"""``Meanings.expand``: every name the table defines replaced by its meaning, until nothing is
left to replace; an expression with no such name is returned as it is, without a walk."""

from __future__ import annotations

import pytest
import sympy

from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation.sides import Reader


def _replaced(expr: sympy.Expr, meanings: Meanings) -> sympy.Expr:
    """One replacement as expand() made it before it asked which names are used."""
    return expr.replace(lambda e: meanings._defined(e, frozenset()), meanings._meaning_of)


@pytest.mark.parametrize(
    ("written", "defined"),
    [
        (r"S_i + x_k", True),
        (r"p_j \log p_j", True),
        (r"x_k y_k", False),  # the twin: no name of the table
        (r"e^{a_i} / \sum_k e^{a_k}", False),
    ],
)
def test_a_walk_only_where_a_name_is_defined(monkeypatch, written, defined):
    meanings = Meanings.standard()
    expr = Reader(meanings).expression(written)
    once = _replaced(expr, meanings)
    assert (once != expr) is defined
    walks = []
    replace = sympy.Basic.replace

    def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        walks.append(self)
        return replace(self, *args, **kwargs)

    monkeypatch.setattr(sympy.Basic, "replace", counted)
    expanded = meanings.expand(expr)
    assert expanded == (_replaced(once, meanings) if defined else expr)
    assert (expr in walks) is defined
    if not defined:
        assert expanded is expr
