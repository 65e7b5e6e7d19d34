"""Letters the text says are matrices, arrays or tensors ("let $q$ and $k$ be $n$-by-$n$
arrays", "$w \\in \\mathbb{R}^{d, k}$", "$q$ has $d$ rows and $d$ columns"): no vectors, and a
transposed product of them (``q^\\top k``) is no number."""

from __future__ import annotations

import functools
import re

from symsoft.reading.lazy_regex import lazy


def written_letter(letter: str) -> str:
    """How ``letter`` (a Latin letter, or theta, beta) is written outside a command's name."""
    return rf"\\{letter}" if len(letter) > 1 else rf"(?<!\\){letter}"


def _said_a_matrix(text: str, letter: str) -> bool:
    """Whether a sentence that writes ``letter`` alone in its math calls it a matrix, an array
    or a tensor, gives it rows and columns or a shape, or the math puts it in R^{n × d}."""
    written = written_letter(letter)
    alone = re.compile(rf"\$\s*+(?:[^$]{{0,30}}?,\s*+)?{written}\s*+(?:,[^$]{{0,30}})?\$")
    if re.search(
        rf"(?<![a-zA-Z]){written}(?:\s*,\s*[a-zA-Z])*\s*\\in\s*\\mathbb\s*\{{?R\}}?\s*\^\s*\{{[^{{}}$]*(?:\\times|,)",
        text,
    ):
        return True
    # the shape word after the letter's math, in its sentence: "$q$ and $k$ are n-by-n arrays"
    return any(_SHAPED.match(text, found.end()) for found in alone.finditer(text))


@functools.lru_cache(maxsize=8)
def said_matrices(text: str) -> frozenset[str]:
    """The letters the text calls matrices, arrays or tensors (see :func:`_said_a_matrix`)."""
    letters = set(re.findall(r"\$\s*([a-z])\s*(?:\$|,|\\in\b)", text))
    return frozenset(letter for letter in letters if _said_a_matrix(text, letter))


_SHAPED = lazy(  # after the letter: its list ("and $k$"), then the words up to the shape word
    r"(?:\s*+(?:,|and|&)\s*+\$[^$]{1,12}\$)*+(?:[^.$]|\$[a-z0-9]{1,3}\$){0,60}?"
    r"(?:(?i:\bmatri|\barrays?\b|\btensors?\b|\brows?\b|\bcolumns?\b|\bshape\b|-by-)|\\times|×"
    r"|\$[^$]{0,20}?(?:\\times|×))"
)


__all__ = ["said_matrices", "written_letter"]
