"""Letters symsoft would read as free inputs (the labels y, the logits o) that the text shows to
be its own outputs, whose meaning is not read: a flag must not rest on their being free.

>>> sorted(written_out(r"$y_1=\\frac{z_1}{\\sum_k z_k}, \\ldots, y_K=\\frac{z_K}{\\sum_k z_k}$"))
['y']
>>> sorted(written_out(r"$y_1 = 1, \\ldots, y_K = 0$"))  # values, not a function of anything
[]
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings

_DIFFERENTIATED = {  # \frac{\partial y_i}{…}, \partial y_i / \partial x_k (also a, o: review 72)
    letter: lazy(
        rf"\\frac\s*\{{\s*\\partial\s*\{{?\s*{letter}(?![a-zA-Z])"
        rf"|\\partial\s*\{{?\s*{letter}\s*_\s*(?:\{{[^{{}}]*\}}|[a-zA-Z0-9])\s*\}}?\s*/"
    )
    for letter in "yao"
}
# y_1 = \frac{z_1}{…}, \ldots, y_K = …: every entry written out in one math span, by a value
# in other letters
_WRITTEN_OUT = lazy(
    r"(?<![\\A-Za-z])([a-z])\s*_\s*\{?\s*1\s*\}?\s*=\s*([^$=]*?[A-Za-z][^$=]*?),\s*"
    r"\\(?:l|c)?dots\s*,?\s*\1\s*_\s*\{?\s*[A-Za-z]\s*\}?\s*="
)


def written_out(text: str) -> set[str]:
    """The letters whose entries the text writes out one by one as values of other letters."""
    found = set()
    for match in _WRITTEN_OUT.finditer(text):
        value = match.group(2)
        if any(c.isalpha() and c != match.group(1) for c in value.replace("\\frac", "")):
            found.add(match.group(1))
    return found


def mark_unstated_outputs(
    meanings: Meanings, everything: str, stated: set[str], said: set[str] = frozenset()
) -> None:
    """y differentiated, or y's entries written out as values (a softmax output typed without
    its exponentials): an output whose meaning was not read, not free labels; likewise the
    default logits a, o differentiated (``\\frac{\\partial a_i}{\\partial z_j}``: activations); an
    accented name the text differentiates and does not say is free (``said``), even one a
    definition uses (ŷ in ``L = -\\sum_i y_i \\log \\hat{y}_i``)."""
    unread = meanings.leaves - set(meanings.table)
    for letter, differentiated in _DIFFERENTIATED.items():
        if letter in unread and letter not in stated and differentiated.search(everything):
            meanings.unstated_leaves.add(letter)
    used = (meanings.leaves | meanings.arguments()) - set(meanings.table)  # ŷ in L = -Σ y log ŷ
    for name in sorted(used - said):  # \frac{d\hat y}{dz}: ŷ a function of z, not free
        accent = re.fullmatch(r"([a-zA-Z])(hat|tilde|bar)", name)
        if accent and _differentiated(accent[1], accent[2]).search(everything):
            meanings.unstated_leaves.add(name)
    meanings.unstated_leaves |= written_out(everything) & unread


def _differentiated(letter: str, accent: str) -> re.Pattern[str]:
    """A derivative of the accented letter (``\\frac{\\partial \\hat{y}_i}{…}``, ``\\frac{d\\hat y}
    {dz}``, ``\\frac{\\delta \\hat{y}}{…}``)."""
    marks = {"hat": "hat|widehat", "tilde": "tilde|widetilde", "bar": "bar|overline"}[accent]
    spelled = rf"\\(?:{marks})\s*(?:\{{\s*{letter}\s*\}}|\s+{letter})"
    return re.compile(rf"\\frac\s*\{{\s*(?:\\partial|\\delta|d)\s*\{{?\s*{spelled}")


__all__ = ["mark_unstated_outputs", "written_out"]
