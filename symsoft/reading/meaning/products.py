"""Two letters written together (``wx``, ``pu``) read as a product when the document writes each
of them as a name on its own: nobody names a third thing by two letters already in use.
"""

from __future__ import annotations

from symsoft.reading.documents.displays import find_displays
from symsoft.reading.documents.spans import Text
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import INLINE_MATH

# the second letter may carry a power: Ce^{x_i}, NT^2 (not a subscript: LS_i, written for the
# log-softmax beside a loss L and an output S, is a name of its own)
_NAME_OR_PRODUCT = lazy(r"ambiguous '([A-Za-z])([A-Za-z])(?:\^[^']*)?': one name or a product\?")
_LONE_LETTER = lazy(r"(?<![A-Za-z\\])([A-Za-z])(?![A-Za-z])")


def lone_letters(text: Text) -> frozenset[str]:
    """The letters the document's mathematics (displays and inline math) writes as names on
    their own."""
    source = text.slice(0, len(text.chars))
    pieces = [source[d.body.start : d.body.end] for d in find_displays(text)]
    pieces += [m.group() for m in INLINE_MATH.finditer(source)]
    return frozenset(m.group(1) for piece in pieces for m in _LONE_LETTER.finditer(piece))


def product_of_names(exc: Unreadable, written: str, lone: frozenset[str]) -> int | None:
    """Where to write ``pu`` apart when ``p`` and ``u`` are both names the document writes on
    their own (math.SE: ``-pu + \\log(1 + e^u)``; a blog's ``\\hat{y} = wx + b``): a product."""
    found = _NAME_OR_PRODUCT.match(exc.reason)
    if found is None or not {found.group(1), found.group(2)} <= lone:
        return None
    pos = exc.pos
    if written[pos - 1 : pos + 1] != found.group(1) + found.group(2):
        return None
    return pos
