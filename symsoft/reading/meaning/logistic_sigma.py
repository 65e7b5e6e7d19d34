"""σ the text defines or names as the logistic function: σ of a vector, ``\\sigma(\\mathbf{z})``,
is then σ entry by entry (a function of one number applied to a vector has no other reading).

Without such words σ of a vector is not read: some texts call the softmax σ.  The definition
must be of one letter (``\\sigma(x) = \\frac{1}{1 + e^{-x}}``), the words must name σ
("where $\\sigma$ is the sigmoid function", "the logistic function $\\sigma(\\cdot)$"); any sign
that σ is the softmax (said, or defined at an entry otherwise) wins.

>>> sigma_said_logistic(r"where $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ is the sigmoid.")
True
>>> sigma_said_logistic(r"where $\\sigma$ is the softmax.")
False
"""

from __future__ import annotations

import re

from symsoft.reading.grammar.builder import SIGMA_SOFTMAX
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.sigma_words import defines_sigma_otherwise, sigma_said_softmax
from symsoft.reading.notation.written_out import LOGISTIC_SIGMA, SOFTMAX_SIGMA

_ARGUMENT = r"(?:\\left\s*)?\(\s*([a-z])\s*(?:\\right\s*)?\)"
_DEFINED = lazy(
    r"\\sigma\s*" + _ARGUMENT + r"\s*(?::=|=|\\coloneqq|\\triangleq|\\equiv)\s*"
    r"\\[dt]?frac\s*\{\s*1\s*\}\s*\{\s*1\s*\+\s*(?:e\s*\^\s*\{\s*-\s*\1\s*\}|e\s*\^\s*-\s*\1"
    r"|\\exp\s*(?:\\left\s*)?\(\s*-\s*\1\s*(?:\\right\s*)?\))\s*\}"
)
_WORD = r"\b(?:sigmoid|logistic)\b"
_SIGMA = r"\$\s*\\sigma\s*(?:(?:\\left\s*)?\(\s*(?:\\cdot|[a-z])?\s*(?:\\right\s*)?\))?\s*\$"
_SAID = lazy(
    _SIGMA
    + r"[^.$]{0,30}?\b(?:is|denotes|be|for|stands\s+for|means|as)\b[^.$]{0,20}?"
    + _WORD
    + r"|"
    + _WORD
    + r"(?:\s+(?:function|activation|nonlinearity|non-linearity))?\s*,?\s*"
    + _SIGMA,
    re.IGNORECASE,
)
_ENTRY_OF_A_VECTOR = lazy(
    r"\\sigma\s*(?:\\left\s*)?\((?:[^()]|\([^()]*\))*\\(?:mathbf|boldsymbol|bm|vec)"
    r"(?:[^()]|\([^()]*\))*(?:\\right\s*)?\)\s*_"
)
_DENIED = lazy(r"\b(?:not|never|rather than|instead of)\b", re.IGNORECASE)


def sigma_said_logistic(text: str) -> bool:
    """Whether the text defines or names σ as the logistic function and nothing says σ is the
    softmax (see the module)."""
    if "\\sigma" not in text:
        return False
    said = _DEFINED.search(text) is not None or any(
        not _DENIED.search(found.group()) for found in _SAID.finditer(text)
    )
    if not said or _ENTRY_OF_A_VECTOR.search(text):  # σ(\mathbf{z})_j: the softmax's entry
        return False
    return not sigma_said_softmax(text) and not defines_sigma_otherwise(text)


def logistic_sigma(text: str) -> bool:
    """Whether σ of a vector is read entry by entry in ``text``: σ said logistic, and the
    document's softmax is not called σ (set after the σ-softmax readings)."""
    return not SIGMA_SOFTMAX.get() and not SOFTMAX_SIGMA.get() and sigma_said_logistic(text)


__all__ = ["LOGISTIC_SIGMA", "logistic_sigma", "sigma_said_logistic"]
