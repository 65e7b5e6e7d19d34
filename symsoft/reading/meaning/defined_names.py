"""Which name a left side defines: ``S_i`` (S, i), ``\\hat{y}_c``, ``L``, ``J(w_1, w_2, b)`` (J),
read under the document's settings (``m`` is a count in one text, a value in another)."""

from __future__ import annotations

import functools

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.documents.word_names import BARE_MARKS, WORD_MARK, word_of
from symsoft.reading.grammar.context import parse_context
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.judge.symbolic import is_index
from symsoft.reading.lazy_regex import lazy

_PARAMETER = (  # w, w_1, \hat{y}, \mathbf{w}: a letter, perhaps accented, perhaps indexed
    r"\s*(?:\\(?:hat|tilde|bar|mathbf|boldsymbol|bm|vec)\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z])|[a-zA-Z]"
    r"|\\(?:hat|tilde|bar)\s*\{\s*\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[a-zA-Z]\s*\}\s*\})"
    r"(?:\s*_\s*(?:\{\s*[a-zA-Z0-9]{1,3}\s*\}|[a-zA-Z0-9]))?\s*"
)
_ACCENTED_BOLD = lazy(
    r"\\(hat|tilde|bar)\s*\{\s*\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*([a-zA-Z])\s*\}|([a-zA-Z]))\s*\}"
)
# a function of several parameters named on the left: J(w_1, w_2, b), L(w, b), L(\hat{y}, y)
_OF_PARAMETERS = lazy(
    rf"\s*([A-Z]|\\ell(?![a-zA-Z])|{WORD_MARK}[A-Za-z][A-Za-z0-9]*|[{BARE_MARKS}][A-Za-z0-9]+)\s*"
    rf"\((?:{_PARAMETER},)+{_PARAMETER}\)\s*"
)


def defined_name(lhs: str) -> tuple[str, str | None] | None:
    """``(name, index)`` when ``lhs`` is a name with at most one index (``S_i``, ``\\hat{y}_c``,
    ``L``), else None (read under the document's settings: ``m`` is a count in one text)."""
    return _defined_name(lhs, parse_context())


@functools.lru_cache(maxsize=4096)  # a long document repeats its left sides
def _defined_name(lhs: str, _context: object) -> tuple[str, str | None] | None:
    if len(lhs) > 80 or "\\partial" in lhs or "\\frac" in lhs:  # \sigma(\mathbf{a})_i is a name
        return None
    if parameters := _OF_PARAMETERS.fullmatch(lhs):  # J(w_1, w_2, b): the loss J itself
        return word_of(parameters.group(1)).lstrip("\\"), None  # \text{CE}(p, y): CE
    # \hat{\mathbf{y}}: the vector ŷ, named ŷ
    lhs = _ACCENTED_BOLD.sub(lambda m: f"\\{m[1]}{{{m[2] or m[3]}}}", lhs)
    try:
        value = parse_expression(lhs, open_names=True)
    except SymsoftError:
        return None
    if isinstance(value, sympy.Indexed) and len(value.indices) == 1:
        index = value.indices[0]
        if is_index(index):
            return str(value.base.label), str(index)
        return None
    if isinstance(value, sympy.Symbol) and not value.is_integer:
        return value.name, None
    return None
