r"""A name with two indices defined as a derivative, ``J_{ij} = \frac{\partial s_i}{\partial
x_j}``: the entries of a Jacobian under a name of their own, so that ``J_{ij} = s_i(\delta_{ij}
- s_j)`` and ``J_{21} = -s_2 s_1`` are steps about the derivative.  Read only when the
quantity differentiated has its meaning already (the value is the derivative of that meaning,
the name's indices put in where it is used) and the name has no other definition."""

from __future__ import annotations

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.symbolic import fresh_bounds, is_index
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meaning, Meanings
from symsoft.reading.notation.sides import Reader

_PAIR = lazy(r"\s*(?P<name>[A-Za-z])\s*_\s*\{\s*(?P<first>[a-z])\s*,?\s*(?P<second>[a-z])\s*\}\s*")
_QUANTITY = r"\\partial\s*(?P<quantity>[a-zA-Z])\s*_\s*(?:\{\s*(?P<qi>[a-z])\s*\}|(?P<qi2>[a-z]))"
_VARIABLE = r"\\partial\s*(?P<variable>[a-zA-Z])\s*_\s*(?:\{\s*(?P<vi>[a-z])\s*\}|(?P<vi2>[a-z]))"
_DERIVATIVE = lazy(
    rf"\s*\\[dt]?frac\s*\{{\s*{_QUANTITY}\s*\}}\s*\{{\s*{_VARIABLE}\s*\}}\s*[.,]?\s*"
)
_SLASHED = lazy(rf"\s*{_QUANTITY}\s*/\s*{_VARIABLE}\s*[.,]?\s*")


def derivative_pair(
    lhs: str, rhs: str, meanings: Meanings, where: str, candidates: list
) -> Meaning | None:
    """``lhs = rhs`` as the meaning of a two-index name (``J_{ij} = \\partial s_i / \\partial
    x_j``), its indices those of the quantity and of the variable in order; None otherwise,
    and for a name the text defines as a derivative twice (the Jacobian of ``\\log s_i`` in a
    later section: which one a step means is not read here, review 61a)."""
    pair, derivative = _PAIR.fullmatch(lhs), _DERIVATIVE.fullmatch(rhs) or _SLASHED.fullmatch(rhs)
    if pair is None or derivative is None or pair["first"] == pair["second"]:
        return None
    twice = [c for c in candidates if _named(c[0], pair["name"]) and _DIFFERENTIATED.search(c[1])]
    if len(twice) > 1:
        return None
    quantity_index = derivative["qi"] or derivative["qi2"]
    variable_index = derivative["vi"] or derivative["vi2"]
    if (quantity_index, variable_index) != (pair["first"], pair["second"]):
        return None
    quantity, variable = derivative["quantity"], derivative["variable"]
    table = meanings.table
    if quantity not in table or table[quantity].index is None or table[quantity].unread:
        return None  # (a quantity defined later would be differentiated as a free letter)
    if pair["name"] in table or pair["name"] in (quantity, variable) or variable in table:
        return None
    try:
        value = Reader(meanings).expression(rhs)
    except (Unreadable, SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError):
        return None
    first = sympy.Symbol(pair["first"], integer=True, positive=True)
    second = sympy.Symbol(pair["second"], integer=True, positive=True)
    indices = {s for s in value.free_symbols if is_index(s) and s.name not in meanings.parameters}
    if not indices <= {first, second} or value.has(sympy.Derivative):
        return None
    latex = f"{lhs.strip()} = {' '.join(rhs.split())}"
    return Meaning(pair["name"], first, fresh_bounds(value), where, latex, second=second)


def two_index_name(lhs: str) -> bool:
    """Whether ``lhs`` is a name with two index letters (``J_{ij}``, ``J_{i,j}``)."""
    return _PAIR.fullmatch(lhs) is not None


_DIFFERENTIATED = lazy(r"\\partial|\\frac\s*\{\s*d|\\nabla")


def _named(lhs: str, name: str) -> bool:
    pair = _PAIR.fullmatch(lhs)
    return pair is not None and pair["name"] == name
