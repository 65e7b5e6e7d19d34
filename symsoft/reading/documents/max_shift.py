"""The max shift written inside a softmax: ``\\frac{e^{z_j - \\max_i z_i}}{\\sum_k e^{z_k - \\max_i
z_i}}``.

The maximum M of every entry does not depend on the sum's index, so ``e^{a - M} / \\sum_k e^{b_k
- M} = e^a / \\sum_k e^{b_k}`` exactly, for every M: the numerically stable softmax is the
softmax.  Where a fraction writes the same maximum subtracted in the exponent of its numerator
and of the one term of its denominator's sum, the two subtractions are blanked (same length:
columns stay the file's) and the fraction is read as the plain softmax.  A maximum anywhere else
(``z_j - \\max_k z_k`` alone, a maximum in the numerator only) is left as written.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.spans import Text
from symsoft.reading.judge.shifts import _maxima
from symsoft.reading.lazy_regex import lazy

_FRAC = lazy(r"\\[dt]?frac\s*(?=\{)")
# the exponent of an exponential: e^{…} or \exp(…), with nothing else around it
_EXP = lazy(r"\s*(?:e\s*\^\s*(?P<brace>\{)|\\exp\s*(?:\\left\s*)?(?P<paren>\())")
_SUM = lazy(
    r"\s*\\sum\s*(?:\\limits\s*)?(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?(?:\^\s*(?:\{[^{}]*\}|\w)\s*)?"
    r"(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?"
)
_SUMMED = lazy(r"\\sum\s*(?:\\limits\s*)?_\s*(?:\{\s*([a-z])|([a-z]))")


def _shifted_exponent(body: str, start: int, end: int) -> tuple[int, int, str] | None:
    """In ``body[start:end]``, one exponential and nothing else, whose exponent ends with ``-
    M``, M a maximum over every entry: the span of ``- M`` and M without spaces."""
    found = _EXP.match(body, start)
    if not found or found.end() > end:
        return None
    opened = found.end() - 1
    closed = matching(body, opened)
    if closed < 0 or body[closed:end].strip() or closed > end:
        return None
    inner = body[opened + 1 : closed - 1]
    if found.group("paren") and re.search(r"\\right\s*$", inner):
        inner = re.sub(r"\\right\s*$", "", inner)
    for match, _letter in _maxima(inner):
        if inner[match.end() :].strip():
            continue
        minus = re.search(r"-\s*$", inner[: match.start()])
        if minus is None or not inner[: minus.start()].strip():
            continue
        first = opened + 1 + minus.start()
        return first, opened + 1 + match.end(), re.sub(r"\s+", "", match.group())
    return None


def cancel_max_shifts(text: Text) -> None:
    """``\\frac{e^{z_j - M}}{\\sum_k e^{z_k - M}}`` with M a maximum over every entry (``\\max_i
    z_i``) is read as ``\\frac{e^{z_j}}{\\sum_k e^{z_k}}``: see the module's words."""
    body = text.slice(0, len(text.chars))
    if "max" not in body:
        return
    for frac in _FRAC.finditer(body):
        top = frac.end()
        top_end = matching(body, top)
        if top_end < 0 or body[top_end : top_end + 1] != "{":
            continue
        bottom_end = matching(body, top_end)
        if bottom_end < 0:
            continue
        upper = _shifted_exponent(body, top + 1, top_end - 1)
        summed = _SUM.match(body, top_end + 1)
        if upper is None or summed is None or "\\sum" not in summed.group():
            continue
        lower = _shifted_exponent(body, summed.end(), bottom_end - 1)
        if lower is None or lower[2] != upper[2]:
            continue
        index = _SUMMED.search(summed.group())
        letter = index and (index.group(1) or index.group(2))
        maximum = body[lower[0] : lower[1]]
        if letter and re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", _unbound(maximum)):
            continue  # the maximum writes the sum's own index free
        for first, last, _ in (upper, lower):
            text.blank(first, last)


def _unbound(maximum: str) -> str:
    """The maximum with its own bound index removed (``\\max_i z_i`` writes i bound)."""
    bound = re.search(r"_\s*(?:\{\s*([a-z])|([a-z]))", maximum)
    if bound is None:
        return maximum
    letter = bound.group(1) or bound.group(2)
    return re.sub(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", "", maximum)
