"""An equation written inside a coloured group, ``{\\color{red} A = B}`` (also inside
``\\boxed{…}``): the group's braces are no group of the mathematics, and its ``=`` is the
display's.  Same length: the braces are blanked."""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.spans import Span, Text
from symsoft.reading.lazy_regex import lazy


def unwrap_coloured_equation(text: Text, span: Span, colour: int) -> None:
    """``{\\color{red}\\frac{\\partial L}{\\partial p_i} = -\\frac{y_i}{p_i}}`` (also inside a
    ``\\boxed{…}``): the braces of a colour group that holds an equation are no group of the
    mathematics (TeX draws ``{a + b}c`` as a + bc); its ``=`` is the display's.  Never the
    braces of an argument (``\\frac{\\color{red} a = b}{…}``, a script)."""
    opening = colour - 1
    while opening >= span.start and text.chars[opening].isspace():
        opening -= 1
    if opening < span.start or text.chars[opening] != "{":
        return
    before = text.slice(span.start, opening).rstrip()
    if before and (before[-1] in "}_^" or re.search(r"\\[a-zA-Z]+$", before)):
        return
    closed = matching(text.slice(opening, span.end), 0)
    if closed < 0:
        return
    end = opening + closed
    inner = text.slice(opening + 1, end - 1)
    while (flat := _NESTED.sub("", inner)) != inner:
        inner = flat
    if re.search(r"(?<![<>!:\\])=", inner) is None:
        return
    text.blank(opening, opening + 1)
    text.blank(end - 1, end)


_NESTED = lazy(r"\{[^{}]*\}")
