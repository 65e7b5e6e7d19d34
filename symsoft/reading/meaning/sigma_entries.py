"""Bare ``\\sigma_i`` beside the document's softmax σ: where the text defines
``\\sigma(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}`` and writes ``\\sigma_i`` in a display
that also applies σ (``\\frac{\\partial [\\sigma(\\mathbf{a})]_i}{\\partial a_j} = \\sigma_i(1_{i=j}
- \\sigma_j)``), σ_i is entry i of that softmax.  Not where the prose writes σ alone in its
math (``where $\\sigma_i$ is the standard deviation``): a meaning given in words."""

from __future__ import annotations

from symsoft.reading.judge.shifts import softmax_sigma
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import INLINE_MATH
from symsoft.reading.meaning.table import Meaning, softmax_meaning

_BARE_SIGMA = lazy(r"\\sigma\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z](?![a-zA-Z]))")
_CALL = lazy(r"\\sigma\s*(?:\\left\s*)?\(")
_DEFINED = lazy(r"\\sigma\s*\([^()]*\)\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*(?::=|=)")


def sigma_entries(everything: str, displayed: list[str]) -> Meaning | None:
    """The meaning of bare σ_i as the softmax entry, or None (see the module)."""
    logits = softmax_sigma(everything)
    if logits is None or not any(
        _BARE_SIGMA.search(math) and _CALL.search(math) for math in displayed
    ):
        return None
    if any(
        _BARE_SIGMA.search(m.group()) or m.group().strip("$ ") == "\\sigma"
        for m in INLINE_MATH.finditer(everything)
    ):
        return None  # "where $\\sigma_i$ is …": said in words
    defined = _DEFINED.search(everything)
    where = f"line {everything.count(chr(10), 0, defined.start()) + 1}" if defined else "standard"
    return softmax_meaning("sigma", logits, source=where)
