"""Two letters that bound the same partition sum: ``\\sum_{j}^{n} \\exp(x_j)`` in one section and
``\\sum_{j}^{K} \\exp(x_j)`` in another run over the entries of one vector of logits, so n and K
both count its entries (a note that switches from n to K when it reaches the loss).

A sample count written n beside classes counted by K never bounds a sum of exponentials of the
class logits, so it is not taken for a second name of the class count.
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# \sum_{j=1}^{K}, \sum_j^K, \sum _{j} ^{n}: the index, then the bound (a capital, or m, n)
_SUM = lazy(
    r"\\sum\s*(?:\\(?:no)?limits\s*)?_\s*(?:\{\s*([a-z])\s*(?:=\s*1\s*)?\}|([a-z]))"
    r"\s*\^\s*(?:\{\s*([A-Zmn])\s*\}|([A-Zmn]))(?![a-zA-Z])"
)
# what the sum's term starts with: e^{x_j}, \exp(x_j), \exp\left(x_{j}\right), e^{x_{j} - …}
_EXPONENTIAL = r"\s*(?:\\left\s*)?[\(\[]?\s*(?:e\s*\^\s*\{?|\\exp\s*(?:\\left\s*)?[\(\{]?)\s*"
_DOTS = lazy(r"\\[lc]?dots|\\cdots|\.\.\.|…")
_OTHER_COUNTS = frozenset("NMD")  # the default size, samples, features


def _logits(text: str, end: int, index: str) -> str | None:
    """The letter whose exponential at ``index`` the sum ending at ``end`` adds up, or None."""
    lead = re.match(_EXPONENTIAL, text[end:])
    if lead is None:
        return None
    entry = re.match(
        rf"([a-zA-Z])\s*_\s*(?:\{{\s*{index}\s*\}}|{index}(?![a-zA-Z]))", text[end + lead.end() :]
    )
    return entry.group(1) if entry else None


def _a_count(letter: str, text: str) -> bool:
    """``n`` is written as a count only: never as a sum's variable or a superscript index, never
    set equal to something, and in a subscript only as the last entry of a run with dots
    (``x_{1}, \\dots, x_{n}``, ``\\exp(x_1) + \\dots + \\exp(x_n)``)."""
    if re.search(rf"\\sum\s*_\s*\{{?\s*{letter}(?![a-zA-Z])", text):
        return False
    if re.search(rf"\^\s*\{{\s*\(\s*{letter}\s*\)", text):
        return False
    if re.search(rf"(?<![\\A-Za-z_{{]){letter}\s*=\s*(?![\d\s])", text):
        return False  # m = \max_k z_k: another meaning
    for script in re.finditer(rf"_\s*(?:\{{\s*{letter}\s*\}}|{letter}(?![a-zA-Z]))", text):
        name = re.search(r"[a-zA-Z]\s*$", text[: script.start()])
        before = text[: name.start()] if name else text[: script.start()]
        if not _DOTS.search(before[-40:]):
            return False
    return True


def partition_bounds(text: str) -> set[str]:
    """The letters bounding sums of exponentials of one vector's entries, when there are at
    least two and no other letter bounds such a sum: the names of one size.

    >>> sorted(partition_bounds(r"\\sum_j^n \\exp(x_j) \\quad \\sum_j^K e^{x_j}"))
    ['K', 'n']
    >>> sorted(partition_bounds(r"\\sum_j^n e^{x_j} \\quad \\sum_j^K e^{z_j}"))
    []
    """
    logits: dict[str, set[str]] = {}
    for found in _SUM.finditer(text):
        index = found.group(1) or found.group(2)
        bound = found.group(3) or found.group(4)
        if bound in _OTHER_COUNTS:
            continue
        letter = _logits(text, found.end(), index)
        if letter is not None:
            logits.setdefault(bound, set()).add(letter)
    letters = set().union(*logits.values()) if logits else set()
    if len(logits) < 2 or len(letters) != 1:
        return set()
    if any(bound.islower() and not _a_count(bound, text) for bound in logits):
        return set()
    return set(logits)


def first_bound(text: str, bounds: set[str]) -> str:
    """The first of ``bounds`` a sum of ``text`` runs to."""
    return next(
        (found.group(3) or found.group(4))
        for found in _SUM.finditer(text)
        if (found.group(3) or found.group(4)) in bounds
    )
