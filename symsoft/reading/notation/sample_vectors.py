"""Bold feature vectors that carry a sample index: ``\\mathbf{x}_i``, the i-th example's vector.

A document that defines the score of example i as ``z_i = \\mathbf{w}^\\top \\mathbf{x}_i + b``
(or ``p_i = \\sigma(\\mathbf{w}^\\top \\mathbf{x}_i + b)``) writes a scalar with the index i on
the left and, on the right, the transposed vector w times the bold x with the same index: as a
number the left side fits only when ``\\mathbf{x}_i`` is a vector and the product its dot
product with w.  In that document ``\\mathbf{x}_i`` is read as the vector whose entry r is
``x_{i,r}`` (the row i of the data), ``\\mathbf{w}^\\top \\mathbf{x}_i`` as
``\\sum_g w_g x_{i,g}``; a bold x with an index in a document that says nothing of the kind
stays what it was (an entry of x, or not read).
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from symsoft.reading.lazy_regex import lazy

_BOLD = r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*([a-zA-Z])\s*\}|([a-zA-Z]))"
_TRANSPOSED = r"\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal)(?![a-zA-Z])"

SAMPLE_VECTORS: ContextVar[frozenset[str]] = ContextVar("sample_vectors", default=frozenset())
"""The bold letters the document being read writes with a sample index (``\\mathbf{x}_i``)."""

_INDEX = r"\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))"
# z_i, \ell_i, \hat{y}_i, p_{i}: a scalar with one index, defined
_DEFINED = (
    r"(?<![\\a-zA-Z])(?:\\hat\s*\{\s*[a-z]\s*\}|\\ell(?![a-zA-Z])|[a-z])"
    r"\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*(?::=|=)"
)
# what may stand between the left side and the product on the right: a function's name and
# its bracket, a sign (never a second '=' nor the end of the math)
_BEFORE = r"[^=$]{0,40}?"
_WEIGHTS = r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*(?:[a-z]|\\theta|\\beta)\s*\}|[a-z])"
# w^T \mathbf{x}_i or w \cdot \mathbf{x}_i: the weights times the bold letter with an index
_TIMES_SAMPLE = "(?:" + _WEIGHTS + _TRANSPOSED + r"|" + _WEIGHTS + r"\s*\\cdot)\s*" + _BOLD + _INDEX
_SCORE = lazy(_DEFINED + _BEFORE + _TIMES_SAMPLE)
# a transposed bold vector times the bold letter with an index, anywhere: \sigma(\mathbf{w}^T
# \mathbf{x}_i) (as a number, the product is a dot product only when x_i is a vector)
_PRODUCT = lazy(_TIMES_SAMPLE + r"(?!\s*(?:_|\^|[a-zA-Z0-9(]))")
# the sample vector itself in a side: \mathbf{x}_i, \mathbf{x}_{i} (no second index, no power)
_ATOM = lazy(_BOLD + _INDEX + r"(?!\s*(?:_|\^(?!" + _TRANSPOSED.removeprefix(r"\s*\^") + ")))")


def sample_letters(document: str) -> frozenset[str]:
    """The bold letters ``document`` writes as a sample's feature vector: in a definition of a
    scalar with index i by a transposed vector (or a dot) times that letter with the index i.

    >>> sorted(sample_letters(r"Write $z_i = \\mathbf{w}^\\top\\mathbf{x}_i + b$."))
    ['x']
    >>> sorted(sample_letters(r"$z_i = \\mathbf{w}^\\top\\mathbf{x}_j$"))
    []
    """
    found, other = set(), set()
    for score in _SCORE.finditer(document):
        left = score.group(1) or score.group(2)
        letter = score.group(3) or score.group(4)
        index = score.group(5) or score.group(6)
        if index == left and letter.isalpha() and letter.islower():
            found.add(letter)
        else:
            other.add(letter)  # z_i = w^T x_j: x_j is not example i's vector
    for product in _PRODUCT.finditer(document):
        found.add(product.group(1) or product.group(2))
    found -= other
    # x_{ji} "feature j of sample i": the text's entries may be laid out the other way
    return frozenset(
        letter
        for letter in found
        if not re.search(rf"(?<![\\a-zA-Z]){letter}\s*_\s*\{{\s*[a-z]\s*,?\s*[a-z]\s*\}}", document)
    )


def sample_atom(text: str, pos: int, end: int) -> tuple[str, str, int] | None:
    """``\\mathbf{x}_i`` at ``pos`` with x a sample letter of the document: (x, i, where it
    ends), the column vector whose entry r is ``x_{i,r}``; None otherwise."""
    letters = SAMPLE_VECTORS.get()
    if not letters:
        return None
    found = _ATOM.match(text, pos, end)
    if found is None:
        return None
    letter = found.group(1) or found.group(2)
    if letter not in letters:
        return None
    return letter, found.group(3) or found.group(4), found.end()


def marks_a_sample(text: str) -> bool:
    """Whether ``text`` writes a sample vector of the document (vector notation)."""
    letters = SAMPLE_VECTORS.get()
    if not letters:
        return False
    return any(
        (found.group(1) or found.group(2)) in letters
        for found in _ATOM.finditer(text)
        if re.match(r"\\", found.group())
    )
