"""A gradient operator written before what it applies to: ``\\nabla_{\\mathbf{w}} (…)``,
``\\frac{\\partial}{\\partial \\mathbf{w}} \\log …`` (read in
:mod:`~symsoft.reading.notation.atoms`).
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.written_out import _BOLD

_LETTER = rf"(?:{_BOLD}|([a-zA-Z]))"


_APPLIED_GRADIENT = lazy(  # \nabla_{\mathbf{w}} (…), \frac{\partial}{\partial \mathbf{w}} (…)
    r"(?:\\nabla\s*_\s*\{?|\\[dt]?frac\s*\{\s*\\partial\s*\}\s*\{\s*\\partial)\s*"
    + _LETTER
    + r"\s*\}?\s*(?=\\left\s*\(|\\[bB]igg?l?\s*\(|\()"
)


# \nabla_{\mathbf{z}} \log \sum_j e^{z_j}, \nabla^2_{\mathbf{z}} \log …: a gradient written
# without brackets before a logarithm (see _Atoms._open_gradient)
_OPEN_GRADIENT = lazy(  # (or \frac{\partial}{\partial \mathbf{w}} \log σ(\mathbf{w}^T \mathbf{x}))
    r"(?:\\nabla\s*(\^\s*\{?\s*2\s*\}?)?\s*_\s*\{?"
    r"|\\[dt]?frac\s*\{\s*\\partial\s*\}\s*\{\s*\\partial)\s*"
    + _LETTER
    + r"\s*\}?\s*(\^\s*\{?\s*2\s*\}?)?\s*(?=\\(?:log|ln|sigma|tanh)(?![a-zA-Z]))"
)


def by_a_number(operator: re.Match[str], operand: str, first: int = 1) -> bool:
    """Whether ``operator`` is ``\\frac{\\partial}{\\partial b}`` by a plain letter that
    ``operand`` never writes with an index (its bold groups start at ``first``): a derivative
    by a number, ``\\frac{\\partial}{\\partial b} \\log \\sigma(\\mathbf{w}^T \\mathbf{x} + b)``,
    not a gradient (∇_b keeps its reading: a gradient)."""
    if operator.group(0).lstrip().startswith("\\nabla") or operator.group(first):
        return False
    if operator.group(first + 1):
        return False
    letter = operator.group(first + 2)
    return not re.search(rf"(?<![\\a-zA-Z]){letter}\s*_", operand)
