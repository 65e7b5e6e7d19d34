"""A gradient written without bold: ``\\frac{\\partial L}{\\partial z} = \\hat{y} - y`` in a text
that writes z, ŷ and y elsewhere with an index (``z_k``, ``\\hat{y}_k``, ``y_k``) and sums
the exponentials of z's entries (``\\sum_j e^{z_j}``: z is the vector of logits).

There it has one reading, the gradient by the vector z, entry by entry
``\\frac{\\partial L}{\\partial z_r} = \\hat{y}_r - y_r``: the loss is a number written without
an index, and the other side a difference of the letters written with one.  Anything more
(``\\frac{1}{N}(\\hat{y} - y)``, a batch's mean, or ``\\hat{y} - y_i``) is not read so.
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_LOSS = r"(?:L|J|E|\\ell(?![a-zA-Z])|\\mathcal\s*\{\s*L\s*\})"


# ∂L/∂z, \nabla_z L, \nabla_{z} L: the loss by a plain letter
_LOSS_GRADIENT = lazy(
    r"\s*(?:\\[dt]?frac\s*\{\s*\\partial\s*(" + _LOSS + r")\s*\}\s*\{\s*\\partial\s*([a-z])\s*\}"
    r"|\\nabla\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*(" + _LOSS + r"))\s*"
)


_TERM = r"(?:\\(?:hat|tilde|bar|widehat)\s*\{\s*([a-z])\s*\}|([a-z]))(?![a-zA-Z_^'{(])"
_DIFFERENCE = lazy(r"\s*-?\s*" + _TERM + r"(?:\s*[-+]\s*" + _TERM + r")+\s*")


# \sum_{j=1}^K e^{z_j}, \sum_j \exp(z_j): the partition sum of z's entries
_PARTITION = lazy(
    r"\\sum\s*_\s*\{?\s*([a-z])(?![a-zA-Z])[^$]{0,40}?"
    r"(?:e\s*\^\s*\{\s*|\\exp\s*(?:\\left\s*)?\(\s*)([a-z])\s*_\s*\{?\s*\1(?![a-zA-Z])"
)


def logit_letters(math: str) -> frozenset[str]:
    """The letters whose entries ``math`` sums as exponentials (``\\sum_j e^{z_j}``).

    >>> sorted(logit_letters(r"p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}"))
    ['z']
    """
    return frozenset(m.group(2) for m in _PARTITION.finditer(math))


def gradient_letters(
    sides: list[str], indexed: frozenset[str], logits: frozenset[str]
) -> frozenset[str]:
    """The plain letters of a step that are vectors by the rule above: the variable and the
    letters of the difference; empty when the step is not such a gradient."""
    for gradient, other in (sides, sides[::-1]):
        found = _LOSS_GRADIENT.fullmatch(gradient)
        difference = _DIFFERENCE.fullmatch(other)
        if found is None or difference is None or "-" not in other:
            continue
        loss = found.group(1) or found.group(5)
        variable = found.group(2) or found.group(3) or found.group(4)
        terms = set(re.findall(r"(?<![\\a-zA-Z])[a-z](?![a-zA-Z])", other))
        if (
            variable in logits & indexed
            and not (len(loss) == 1 and loss in indexed)
            and terms <= indexed - {variable}
            and len(terms) >= 1
        ):
            return frozenset(terms | {variable})
    return frozenset()


__all__ = ["gradient_letters", "logit_letters"]
