"""Letters symsoft would read as free inputs (the labels y, the logits o) that the text shows to
be its own outputs, whose meaning is not read: a flag must not rest on their being free.

>>> sorted(written_out(r"$y_1=\\frac{z_1}{\\sum_k z_k}, \\ldots, y_K=\\frac{z_K}{\\sum_k z_k}$"))
['y']
>>> sorted(written_out(r"$y_1 = 1, \\ldots, y_K = 0$"))  # values, not a function of anything
[]
"""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.soft_totals import other_totals
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


def mark_unstated_outputs(meanings: Meanings, everything: str, stated: set[str]) -> None:
    """y differentiated, or y's entries written out as values (a softmax output typed without
    its exponentials): an output whose meaning was not read, not free labels; likewise the
    default logits a, o differentiated (``\\frac{\\partial a_i}{\\partial z_j}``: activations)."""
    unread = meanings.leaves - set(meanings.table)
    for letter, differentiated in _DIFFERENTIATED.items():
        if letter in unread and letter not in stated and differentiated.search(everything):
            meanings.unstated_leaves.add(letter)
    meanings.unstated_leaves |= written_out(everything) & unread
    meanings.unstated_leaves |= valued_in_words(everything) & unread
    meanings.unstated_leaves |= other_totals(everything) & unread  # t_1 + t_2 + t_3 = 4


# "$y$ has two entries equal to $1$", "$y$ is the sum of the $c$-th and the $d$-th basis
# vector": the text says what the targets' values are, in words this reader does not read
# (a sum to one said of them is read elsewhere, and takes them back: document.py)
_VALUED_IN_WORDS = lazy(
    r"(?i)\$\s*([a-zA-Z])\s*(?:_\s*(?:\{[^{}$]*\}|\w)\s*)?\$\s+(?:is|are|has|have|contains?)\b"
    r"(?:(?!\band\s+\$|,\s*\$)[^.]){0,80}?"  # (not into a clause of another name's)
    r"\b(?:entries|ones|multi-?hot|k-?hot|two-?hot|basis\s+vectors?|unit\s+vectors?"
    r"|percent(?:ages?)?|numbers?\s+of|votes?)\b"
)


def valued_in_words(text: str) -> set[str]:
    """The letters a sentence gives values in words (see _VALUED_IN_WORDS)."""
    return {found.group(1) for found in _VALUED_IN_WORDS.finditer(text)}


__all__ = ["mark_unstated_outputs", "valued_in_words", "written_out"]
