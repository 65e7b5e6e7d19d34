"""A step about the probabilities themselves: when the only meaning a flag rests on is the
softmax the reader gives an undefined name (``p_m = e^{z_m} / Σ_k e^{z_k}``), and the step
neither writes the logits ``z`` nor differentiates by them nor uses a name defined through
them, the step is an identity in ``p`` (and the other names), refuted at a probability vector.
It fails whatever the probabilities are computed from, so the flag stands: the softmax was only
a way to pick a point of the simplex (``-p_i y_i \\frac{1}{p_i} + \\sum_j y_i p_i p_j
\\frac{1}{p_j}`` for ``p_i \\frac{\\partial l}{\\partial p_i} - \\sum_j p_i p_j \\frac{\\partial
l}{\\partial p_j}``, the index of ``y`` slipped inside the sum)."""

from __future__ import annotations

from collections.abc import Sequence

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.scopes import differentiated_by, names_used, writes
from symsoft.reading.meaning.table import Meaning, Meanings

# the standard meaning of a probability name: p_m = \frac{e^{z_m}}{\sum_k e^{z_k}}
_SOFTMAX = lazy(
    r"(?:[^=]*=\s*)?\\frac\{e\^\{(?P<logits>[A-Za-z]+)_(?P<index>[a-z])\}\}"
    r"\{\\sum_(?P<summed>[a-z]) e\^\{(?P=logits)_(?P=summed)\}\}"
)


def at_probability_values(
    defaults: Sequence[Meaning], sides: Sequence[str], meanings: Meanings
) -> str | None:
    """The names whose default softmax the flag rests on (``"p"``) when the step is an
    identity in them (see the module); None when the logits matter to it."""
    logits, names = set(), []
    for meaning in defaults:
        match = _SOFTMAX.fullmatch(meaning.latex.strip())
        if match is None or not meaning.name:
            return None
        logits.add(match["logits"])
        names.append(meaning.name)
    if not logits:
        return None
    written = " ".join(sides)
    if any(command not in _PLAIN for command in _COMMAND.findall(written)) or "e^" in written:
        return None  # an exponential, an accent, a gradient: more than the probabilities
    for name in logits:
        if writes(written, name) or differentiated_by(written, name):
            return None
    allowed = set(names)
    beside = {  # the targets of a loss written in the probabilities: -Σ y_j log p_j
        name for name, meaning in meanings.table.items() if _writes_any(meaning.value, names)
    }
    for name in (names_used(meanings, written) | beside) - set(names):
        value = meanings.table[name].value
        built = {str(base) for base in value.atoms(sympy.IndexedBase)}
        built |= {symbol.name for symbol in value.free_symbols}
        if built & logits:
            return None  # a name the document defines through the logits themselves
        allowed |= built | {name}
    if not set(_INDEXED.findall(written)) <= allowed:
        return None  # an entry of a vector no definition relates to the probabilities
    return ", ".join(sorted(set(names)))


def _writes_any(value: sympy.Expr, names: list[str]) -> bool:
    return bool({str(base) for base in value.atoms(sympy.IndexedBase)} & set(names))


_COMMAND = lazy(r"\\([a-zA-Z]+)")
_PLAIN = frozenset("frac partial sum log ln left right cdot times limits neq ne".split())
_INDEXED = lazy(r"(?<![\\A-Za-z])([A-Za-z])\s*_")
