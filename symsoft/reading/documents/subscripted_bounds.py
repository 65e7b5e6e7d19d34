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
    indices = sum_indices(source)
    for letter, label in counts:
        if len(label) == 1 and label.islower() and _an_index(source, letter, label, indices):
            continue
        fresh = next((c for c in letter.upper() + _FRESH if not _written(source, c)), None)
        if fresh is None:
            return
        written = rf"(?<![\\A-Za-z]){letter}\s*_\s*(?:\{{\s*{label}\s*\}}|{label}(?![a-zA-Z0-9]))"
        for found in list(re.finditer(written, source)):
            text.blank(found.start(), found.end())
            text.chars[found.start()] = fresh
        source = text.slice(0, len(text.chars))


def _an_index(source: str, letter: str, label: str, indices: set[str]) -> bool:
    """``label`` is an index of the text: a sum's, or the subscript of another letter."""
    if label in indices:
        return True
    other = (
        rf"(?<![\\A-Za-z])(?!{letter})[A-Za-z]\s*_\s*(?:\{{\s*[a-z]?{label}[a-z]?\s*\}}|{label})"
    )
    return re.search(other + r"(?![a-zA-Z0-9])", source) is not None


def _written(source: str, capital: str) -> bool:
    return re.search(rf"(?<![\\A-Za-z]){capital}(?![A-Za-z])", source) is not None
