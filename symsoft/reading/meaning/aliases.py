"""A capital name given as the entries of its own lower-case letter, ``X = [x_1, x_2, …,
x_n]``: the vector x under another name (X_i is x_i), so ``softmax(X)_i`` is the softmax of x;
a name given as its own entries, ``o = (o_1, o_2, o_3)``: a variable, no definition."""

from __future__ import annotations

import re

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import defined_name
from symsoft.reading.meaning.table import Meaning

_ENTRY_LETTERS = re.compile(r"(?<![\\a-zA-Z])([a-zA-Z])\s*_")
# an entry's letter: y, \theta, \hat{y} (\hat y), \mathbf{x}
_LETTER = r"(?:\\[a-zA-Z]+\s*\{\s*\\?[a-zA-Z]+\s*\}|\\[a-zA-Z]+\s+[a-zA-Z]|\\?[a-zA-Z]+)"
_FIRST_LETTER = re.compile(rf"\s*(?:\\left)?[(\[]\s*({_LETTER})\s*_")
# after the entries: a transpose, then where the vector lives (``^{\top} \in \mathbb{R}^{K}``)
_TRANSPOSED_IN = (
    r"(?:\s*\^\s*(?:T|\\top|\\intercal|\{\s*(?:T|\\top|\\intercal)\s*\}))?"
    r"(?:\s*\\in\s*\\mathbb\s*(?:\{\s*R\s*\}|R)(?:\s*\^\s*(?:\{[^{}]*\}|\w))?)?"
)
OWN_ENTRIES = lazy(  # (o_1, o_2, o_3), [\theta_1, \dots, \theta_K]^T
    rf"\s*(?:\\left)?[(\[]\s*{_LETTER}_\{{?\w\}}?\s*"
    # (x_1, x_2, \dots x_n): the last entry may follow the dots without a comma
    rf"(?:,\s*(?:{_LETTER}_\{{?\w+\}}?|(?:\\[lc]?dots|\.\.\.)(?:\s*{_LETTER}_\{{?\w+\}}?)?)\s*)+"
    r"(?:\\right)?[)\]]" + _TRANSPOSED_IN + r"\s*[.,]?\s*"
)


# \begin{bmatrix} x_1 \ \, x_2 \ \, ... \ \, x_n \end{bmatrix}: a row (or a column) of entries
OWN_MATRIX_ENTRIES = lazy(
    r"\s*\\begin\s*\{\s*([bpv]?matrix)\s*\}"
    r"(?:\s|\\[ ,;]|&|\\\\(?:\[[^\]]*\])?|[a-zA-Z]_(?:\{\s*\w+\s*\}|\w)|\\[lcv]?dots|\.\.\."
    r"|[a-zA-Z]\s*\^\s*\{\s*\(\s*\w+\s*\)\s*\})+"  # p^{(1)} … p^{(n)}: the examples' values
    r"\\end\s*\{\s*\1\s*\}" + _TRANSPOSED_IN + r"\s*[.,]?\s*"
)


def own_entries(rhs: str, name: str) -> bool:
    """Whether ``rhs`` lists the entries of ``name`` itself: ``o = (o_1, o_2, o_3)``,
    ``\\hat{y} = (\\hat{y}_1, \\ldots, \\hat{y}_K)``: the name is its entries, a variable."""
    first = _FIRST_LETTER.match(rhs)
    if not OWN_ENTRIES.fullmatch(rhs) or first is None:
        return False
    return re.search(rf"\b{name}_", rhs) is not None or (
        (defined_name(first.group(1)) or ("",))[0] == name
    )


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


# "inputs $a_1 = u$, $a_2 = v$", "$u = a_1$": a plain letter set equal to an entry of a vector
_ENTRY = r"[A-Za-z]\s*_\s*(?:\{\s*[0-9a-z]\s*\}|[0-9a-z])"
_ALONE = r"(?=\s*(?:[,;.$]|\\q?quad|\\text|$))"  # the equation ends there: no w_1 x_1 + …
_ALIAS = lazy(
    rf"(?<![\\A-Za-z_^{{])(?P<entry>{_ENTRY})\s*=\s*(?P<letter>[A-Za-z]){_ALONE}"
    rf"|(?<![\\A-Za-z_^{{=]\s)(?<![\\A-Za-z_^{{=])(?P<first>[A-Za-z])\s*=\s*(?P<second>{_ENTRY})"
    + _ALONE
)


def entry_aliases(text: str) -> dict[str, str]:
    """The plain letters the text sets equal to an entry of a vector (``a_1 = u``): each with
    that entry as written.

    >>> entry_aliases("with $K = 2$ and inputs $a_1 = u$, $a_2 = v$; and $x = z_{j}$")
    {'u': 'a_1', 'v': 'a_2', 'x': 'z_{j}'}
    """
    found: dict[str, str] = {}
    for match in _ALIAS.finditer(text):
        letter = match["letter"] or match["first"]
        found.setdefault(letter, re.sub(r"\s+", "", match["entry"] or match["second"]))
    return found
