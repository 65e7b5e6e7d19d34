"""The softmax written in plain letters, without an index on either side of its definition:
``A = \\frac{e^z}{\\Sigma e^z}``, ``p = \\frac{e^{z}}{\\sum_k e^{z_k}}``, ``S = \\frac{\\exp(a)}
{\\sum_j \\exp(a_j)}``.  A sum of ``e^z`` over the entries says that z is a vector, e^z is taken
entry by entry, and the name is the vector of the quotients: its entry m is ``e^{z_m} /
\\sum_k e^{z_k}``, the one reading these formulas have."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_VECTOR_SOFTMAX = lazy(
    r"\s*(?:\\(?:text|textrm|mathrm|operatorname|textsf|mathsf)\s*\{\s*softmax\s*\}|softmax)\s*"
    r"(?:\\left)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec|(hat|tilde|bar))\s*\{?\s*)?"
    r"([a-zA-Z]|\\(?:theta|eta|phi|psi|omega|xi|zeta|alpha|beta|mu|nu)(?![a-zA-Z]))\s*\}?\s*"
    r"(?:\\right)?\)\s*[.,]?\s*"  # softmax(\hat{y}): the vector \hat{y}, named yhat
)


def softmax_of_vector(rhs: str) -> str | None:
    """The vector's name when ``rhs`` is ``\\mathrm{softmax}(\\mathbf{o})`` (``theta`` for
    ``\\theta``, ``yhat`` for ``\\hat{y}``), else None."""
    vector = _VECTOR_SOFTMAX.fullmatch(rhs)
    return None if vector is None else vector.group(2).lstrip("\\") + (vector.group(1) or "")


# (spaces taken out first) the numerator e^z or \exp(z); the sum with no index or with its
# index k (and bounds), over e^z or e^{z_k}
_PLAIN_SOFTMAX = lazy(
    r"\\[dt]?frac\{(?:e\^\{?(?P<z>[a-z])\}?|\\exp\((?P<y>[a-z])\))\}"
    r"\{\\sum(?:_\{?(?P<k>[a-z])(?:=[01])?\}?)?(?:\^\{?[A-Za-z0-9]+\}?)?"
    r"(?:e\^\{?(?P<w>[a-z])(?:_\{?(?P<j>[a-z])\}?)?\}?|\\exp\((?P<v>[a-z])(?:_\{?(?P<i>[a-z])\}?)?\))\}"
)


def plain_softmax_letter(rhs: str) -> str | None:
    """The letter of the logits when ``rhs`` is the softmax in plain letters, else None.

    >>> plain_softmax_letter(r"\\frac{e^z}{\\sum e^z}")
    'z'
    >>> plain_softmax_letter(r"\\frac{e^{z}}{\\sum_k e^{z_k}}")
    'z'
    >>> plain_softmax_letter(r"\\frac{e^{z}}{\\sum_k e^{z_j}}") is None
    True
    """
    found = _PLAIN_SOFTMAX.fullmatch(re.sub(r"\s+|\\[,;!]", "", rhs).rstrip(".,"))
    if found is None:
        return None
    letter = found.group("z") or found.group("y")
    summed = found.group("w") or found.group("v")
    index = found.group("j") or found.group("i")
    if summed != letter or index != found.group("k") and index is not None:
        return None  # \sum_k e^{z_j}: another entry; \sum e^{x}: another letter
    return letter
