"""An expression or an equation shown in a sentence right before a display that opens with
``=``: "Since $\\sigma'(z) = \\sigma(z)(1-\\sigma(z))$, we get $-\\frac{\\sigma'(z)}{\\sigma(z)}$
$$= \\sigma(z) - 1$$".  The display goes on from that expression (which is no chain this
reader keeps), not from the equation before it: it continues nothing read here, and is not
judged (review 75b: false fails and false holds)."""

from __future__ import annotations

import re

# the last $…$ before the display (single dollars), right before it: punctuation only after it
_LAST_INLINE = re.compile(r"(?<!\$)\$(?!\$)([^$]+)\$(?!\$)[\s,.:;]*$")
# a name alone (a mention: "$y$ is one-hot"), no expression a display may go on from
_NAME_ALONE = re.compile(r"\s*\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*")
# a case or a value beside the chain ("For $i = j$:", "when $y = 1$"), no equation of it
_CASE = re.compile(r"\s*[A-Za-z](?:_\w)?\s*=\s*(?:[A-Za-z]|\d+)(?:_\w)?\s*")
_RELATION = re.compile(r"=|\\approx|\\leq?|\\geq?|<|>|\\neq?|\\in(?![a-zA-Z])|\\to(?![a-zA-Z])")


def shown_before(text: str, start: int, end: int) -> bool:
    """Whether the last inline math of ``text[start:end]`` (what stands between a chain's end
    and a display that opens with ``=``) is an expression with no relation, or an equation
    this reader did not take into the chain (``$\\frac{dL}{dz} = -\\frac{σ'}{σ}$``): the display
    may go on from it.  Not a condition beside the chain (``$x > 0$``, ``$y \\in \\{0, 1\\}$``)."""
    last = _LAST_INLINE.search(text, start, end)
    if last is None or _NAME_ALONE.fullmatch(last.group(1)) or _CASE.fullmatch(last.group(1)):
        return False
    related = _RELATION.search(last.group(1))
    return related is None or related.group() == "="


__all__ = ["shown_before"]
