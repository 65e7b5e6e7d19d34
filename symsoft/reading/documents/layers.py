"""Layer labels written before an index: ``w^1_{i,j}``, ``a^{2}_{s,1}``, ``x^{0}_{s,i}`` (a
network's weights, pre-activations and inputs of layer 1, 2, 0, as in Nielsen's ``w^l_{jk}``).

TeX typesets ``x^2_i`` as ``x_i^2``, which most texts mean as a square; so a superscript before a
subscript is a label only where the document says so by its use: every use of the letter in
the math carries a one-digit superscript before its subscript, and some letter of the document
is written so with the layer 0 or 1 (a power 0 or 1 is never written); a letter with one layer
2 alone is a label only where a letter with the layer 0 or 1 has that layer too.
Elsewhere the grammar's ``w^1`` before ``_`` is not read ("a layer's label or a power?").
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from symsoft.reading.documents.spans import Display, Span, Text
from symsoft.reading.lazy_regex import lazy

LAYERED: ContextVar[frozenset[str]] = ContextVar("layered", default=frozenset())
"""The letters the document being read labels with a layer (``w`` of ``w^1_{i,j}``)."""

# w^1_, a^{2}_: a letter (not e, the exponential's base), one digit, then the index
_LABELLED = lazy(r"(?<![\\A-Za-z])([a-df-zA-Z])\^\s*(?:\{\s*([0-9])\s*\}|([0-9]))(?=\s*_)")
_INLINE_MATH = lazy(r"(?<![\\$])\$(?!\$)([^$]+?)(?<![\\$])\$(?!\$)|\\\((.+?)\\\)", re.DOTALL)


def _math_spans(text: Text, displays: list[Display]) -> list[Span]:
    source = text.slice(0, len(text.chars))
    inline = [
        Span(m.start(g), m.end(g))
        for m in _INLINE_MATH.finditer(source)
        for g in (1 if m.group(1) is not None else 2,)
    ]
    return [d.body for d in displays] + inline


def spell_layers(text: Text, displays: list[Display]) -> frozenset[str]:
    """The letters the document writes with a layer's label before their index, every time
    (``w^1_{i,j}``, ``w^2_{j,1}``; some letter with the layer 0 or 1), each ``w^{1}`` spelled
    ``w^1`` (padded in front: columns stay the file's).  A letter also written otherwise
    (``x_i``, ``x^2`` alone, ``x_i^2``) is not among them: its ``x^2_i`` may be a square."""
    source = text.slice(0, len(text.chars))
    spans = _math_spans(text, displays)
    labelled: dict[str, list[re.Match[str]]] = {}
    other: set[str] = set()
    for span in spans:
        body = source[span.start : span.end]
        for match in _LABELLED.finditer(body):
            labelled.setdefault(match.group(1), []).append(match)
        for use in re.finditer(r"(?<![\\A-Za-z])([a-df-zA-Z])(?![A-Za-z])", body):
            if not _LABELLED.match(body, use.start()):
                other.add(use.group(1))
    digits = {
        letter: {m.group(2) or m.group(3) for m in uses}
        for letter, uses in labelled.items()
        if letter not in other
    }
    # a letter with the layer 0 or 1, or with two layers, is labelled; so is one whose layer
    # such a letter has (h^2_{s,1} beside w^1, w^2): the document numbers its layers
    surely = {letter for letter, written in digits.items() if written & {"0", "1"}}
    layers = {digit for letter in surely for digit in digits[letter]}
    letters = {
        letter
        for letter, written in digits.items()
        if letter in surely or len(written) > 1 or written <= layers
    }
    if not surely:
        return frozenset()
    for span in spans:
        body = source[span.start : span.end]
        for match in _LABELLED.finditer(body):
            if match.group(1) in letters:
                spelled = f"{match.group(1)}^{match.group(2) or match.group(3)}"
                start, end = span.start + match.start(), span.start + match.end()
                text.chars[start:end] = list(spelled.rjust(end - start))
    return frozenset(letters)


# z_{2,i}, W_{1,jk}: a digit, then an index, in one subscript: z_2 names the vector of layer 2
_NUMBERED = lazy(r"(?<![\\A-Za-z])([A-Za-z])\s*_\s*\{\s*([0-9])\s*,\s*[a-zA-Z]")


def numbered_vectors(text: str) -> frozenset[tuple[str, int]]:
    """The letters and numbers a text writes as ``z_{2,i}`` (the entry i of the vector ``z_2``
    of layer 2, as a network's ``z_1 = W_1 x``, ``z_2 = W_2 a_1`` are): there ``z_2`` is no
    entry of a vector ``z``.

    >>> sorted(numbered_vectors(r"$z_2 = W_2 a_1$ and $y_i = e^{z_{2,i}}$"))
    [('z', 2)]
    >>> numbered_vectors(r"$z_2$, $z_{i,j}$")
    frozenset()
    """
    return frozenset((m.group(1), int(m.group(2))) for m in _NUMBERED.finditer(text))
