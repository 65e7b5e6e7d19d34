"""``\\exp^{x_j}``: the exponential written as a power, with no argument after it, is ``e^{x_j}``
(what else could a power of exp applied to nothing be?). Spelled over the same columns."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

# \exp^{…} or \exp^x not followed by an argument in parentheses (\exp^{2}(x) is a power of exp);
# a number alone as the exponent is left to the grammar (\exp^2 x: the square of exp x, as
# \sin^2 x is)
_EXP_POWER = lazy(
    r"\\exp(?![a-zA-Z])(?=\s*\^\s*(?:\{(?!\s*\d+\s*\})(?:[^{}]|\{[^{}]*\})*\}|[a-zA-Z])"
    r"(?!\s*(?:\(|\\left|\\[bB]igg?l?\s*\()))"
)


def spell_exp_powers(text: Text) -> None:
    """``\\exp^{x_k}`` is ``e^{x_k}`` everywhere in ``text``; ``\\exp^{2}(x)`` and ``\\exp^2 x``
    are left alone.

    >>> text = Text.of(r"\\sum_k \\exp^{x_k} + \\exp^{2}(x) + \\exp^{2} x")
    >>> spell_exp_powers(text)
    >>> text.slice(0, len(text.chars))
    '\\\\sum_k    e^{x_k} + \\\\exp^{2}(x) + \\\\exp^{2} x'
    """
    everything = text.slice(0, len(text.chars))
    for match in _EXP_POWER.finditer(everything):
        text.chars[match.start() : match.end()] = list("   e")
