r"""A sum whose upper bound is a letter with a label: ``\sum_{j=1}^{n_{o}}``, ``\sum_{t=1}^{T_x}``.

The label makes the count one name (the number of outputs, of time steps), which the grammar,
whose bounds are one letter, cannot read. When the label is no index of the text (never a sum's
index, never another letter's subscript: ``\sum_{j=1}^{m_i}`` counts per sample i, and stays
unread), every place the text writes that count is spelled as one capital the text does not
use (its own letter's, N for n_o, when it can), padded with blanks: columns stay the file's, and
the count is a size like any other. Two such counts (``n_{in}``, ``n_{out}``) are left unread.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import sum_indices
from symsoft.reading.lazy_regex import lazy

_LABEL = r"(?:\{\s*([a-zA-Z0-9]{1,12})\s*\}|([a-zA-Z0-9]))"
_BOUND = lazy(
    r"\\(?:sum|prod)(?![a-zA-Z])\s*(?:(?:_\s*(?:\{[^{}]{0,40}\}|[a-zA-Z0-9]))\s*)?"
    r"\^\s*\{\s*([a-zA-Z])\s*_\s*" + _LABEL + r"\s*\}"
)
_FRESH = "KCNMJQRUVW"


def spell_subscripted_bounds(text: Text) -> None:
    """Each count written with a label as a sum's bound, spelled as a capital of its own."""
    source = text.slice(0, len(text.chars))
    if "^" not in source:
        return
    counts = {(m.group(1), m.group(2) or m.group(3)) for m in _BOUND.finditer(source)}
    if len(counts) != 1:
        return  # n_{in} and n_{out}: which one counts the classes? not read
    ((letter, label),) = counts
    if not (len(label) >= 3 and label.isalpha()) and _indexed(source, letter, label):
        return  # n_i, n_{ij}: a count per sample or per cell, not one size
    fresh = next((c for c in letter.upper() + _FRESH if not _written(source, c)), None)
    if fresh is None:
        return
    for found in list(re.finditer(_count(letter, label), source)):
        text.blank(found.start(), found.end())
        text.chars[found.start()] = fresh


_SCRIPT = lazy(r"_\s*+(?:\{([^{}]*)\}|([a-z]))")


def _indexed(source: str, letter: str, label: str) -> bool:
    """A letter of ``label`` (two letters at most, or a digit) is an index of the text: a
    sum's, or in the subscript of another letter (``z_{i,k}``, ``w_{ij}``)."""
    rest = re.sub(_count(letter, label), " ", source)
    written = sum_indices(rest)
    for script in _SCRIPT.finditer(rest):
        written |= set(re.findall(r"[a-z]", script.group(1) or script.group(2)))
    return bool(set(label) & written)


def _count(letter: str, label: str) -> str:
    """The pattern of the count ``letter`` with ``label`` as the text writes it: ``n_{o}``,
    ``n_o``."""
    return rf"(?<![\\A-Za-z]){letter}\s*_\s*(?:\{{\s*{label}\s*\}}|{label}(?![a-zA-Z0-9]))"


def _written(source: str, capital: str) -> bool:
    return re.search(rf"(?<![\\A-Za-z]){capital}(?![A-Za-z])", source) is not None
