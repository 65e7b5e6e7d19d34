"""``\\Sigma_{j=1}^{K} e^{z_j}``: the capital sigma written as the sum sign, with an index below
it, is ``\\sum`` (spelled over the same columns, so every reader of sums sees it). Not
``\\Sigma`` alone, a name (a covariance, the partition sum), nor ``\\Sigma_k^{-1}``, an inverse."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

# a script of one letter, or a letter with its lower bound, and no inverse after it
# (also with its upper bound first, \Sigma^k_{n=1}, \Sigma^K_j: never a transpose ^T)
SIGMA_SUM = lazy(
    r"\\Sigma(?![a-zA-Z])(?:(?=\s*_\s*(?:[A-Za-z]|\{\s*[A-Za-z]\s*(?:=[^{}]*)?\})"
    r"(?!\s*\^\s*\{?\s*-))"
    r"|(?=\s*\^\s*(?:[A-SU-Za-z]|\{\s*[A-SU-Za-z]\s*\})\s*_\s*"
    r"(?:[A-Za-z](?![A-Za-z])|\{\s*[A-Za-z]\s*(?:=[^{}]*)?\})))"
)


def spell_sigma_sums(text: Text) -> None:
    """``\\Sigma_{j=1}^{K}`` and ``\\Sigma_j`` are ``\\sum``; ``\\Sigma``, ``\\Sigma^{-1}``,
    ``\\Sigma_k^{-1}`` and ``\\Sigma_{12}`` are left alone.

    >>> text = Text.of(r"\\Sigma_{j=1}^{K} e^{z_j} + \\Sigma_k^{-1} + \\Sigma_{12} + \\Sigma_i x_i")
    >>> spell_sigma_sums(text)
    >>> text.slice(0, len(text.chars))
    '\\\\sum  _{j=1}^{K} e^{z_j} + \\\\Sigma_k^{-1} + \\\\Sigma_{12} + \\\\sum  _i x_i'
    >>> text = Text.of(r"\\Sigma^k_{n=1} e^{z_n} + \\Sigma^T_k + \\Sigma^{-1}_k")
    >>> spell_sigma_sums(text)
    >>> text.slice(0, len(text.chars))
    '\\\\sum  ^k_{n=1} e^{z_n} + \\\\Sigma^T_k + \\\\Sigma^{-1}_k'
    """
    everything = text.slice(0, len(text.chars))
    named = {a or b for a, b in _NAMED.findall(everything)}  # \Sigma_C = \sum_d e^{z_d}: a name
    for match in SIGMA_SUM.finditer(everything):
        script = _SCRIPT.match(everything, match.end())
        if script and (letter := script.group(1) or script.group(2)) in named:
            if letter.isupper() and len(named) == 1:  # \Sigma_C, the sum to C: the name Σ
                text.blank(script.start(), script.end())
            continue
        text.chars[match.start() : match.end()] = list("\\sum  ")
    if _SIGMA_NAME.search(everything):
        return  # \Sigma = \sum_k e^{z_k}, "$\Sigma$ denotes …": the text's own name
    for match in _BARE_SIGMA_SUM.finditer(everything):
        text.chars[match.start() : match.end()] = list("\\sum  ")


# \Sigma with no script before what it sums (\Sigma e^{z_i}, \Sigma\frac{y_i}{A_i}, \Sigma y_j): a
# sum sign, as \sum without an index is, in a text that never makes \Sigma a name; not before a
# plain letter (\Sigma x: a matrix times a vector)
_BARE_SIGMA_SUM = lazy(
    r"\\Sigma(?=\s*(?:e\s*\^|\\[dt]?frac(?![a-zA-Z])|\\exp(?![a-zA-Z])|\\log(?![a-zA-Z])"
    r"|\\ln(?![a-zA-Z])|\{?\s*(?:\\hat\s*\{?\s*)?[a-zA-Z]\s*\}?\s*_))"
)
# \Sigma made a name: defined, or standing alone in a sentence's formula
_SIGMA_NAME = lazy(r"\\Sigma\s*(?:_\s*(?:\{[^{}]*\}|\w)\s*)?(?::=|=|\\coloneqq|\$)")
_NAMED = lazy(r"\\Sigma\s*_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*(?::=|=|\\coloneqq)")
_SCRIPT = lazy(r"\s*_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))(?![A-Za-z])")
