"""HTML around mathematics in Markdown: a notebook that centres each formula,
``<div align="center"><b> $g(z)=\\frac{1}{1+e^{-z}}$ </b></div>``, between ``<br>`` lines.  The
tags of a line that holds one ``$…$`` and tags alone are blanked, and so is a line of ``<br>``
alone (a break, an empty line as the page shows it): the formula then stands as its own
paragraph, a display.  MathJax 2's inline ``<script type="math/tex">…</script>`` is ``$…$``.
Same length: columns stay the file's."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_OPEN = r"<(?:div|p|center|b|strong|span|i|em)\b[^<>\n]{0,80}>"
_CLOSE = r"</(?:div|p|center|b|strong|span|i|em)\s*>"
_WRAPPED = lazy(
    rf"^([ \t]*(?:{_OPEN}[ \t]*)+)(\$[^$\n]+\$)([ \t]*(?:{_CLOSE}[ \t]*)+)$", re.MULTILINE
)
_BREAK = lazy(r"^[ \t]*<br\s*/?>[ \t]*$", re.MULTILINE)
# MathJax 2's inline math, <script type="math/tex">Q = \sum_j e^{z_j}</script>: read as $…$
# a script that is no math, a style sheet: code, never text (blanked with its tags)
_CODE = lazy(r"<(script|style)\b(?![^<>]*math/tex)[^<>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_INLINE_SCRIPT = lazy(r"<script\s+type\s*=\s*[\"']math/tex[\"']\s*>([^<$]*)</script\s*>")


def blank_wrapping_tags(text: Text, latex: bool = False) -> None:
    """Blank the tags around a lone ``$…$`` and the lines of ``<br>`` alone (see the module);
    nothing in a LaTeX document."""
    if latex:
        return
    everything = text.slice(0, len(text.chars))
    for match in _WRAPPED.finditer(everything):
        text.blank(match.start(1), match.end(1))
        text.blank(match.start(3), match.end(3))
    for match in _BREAK.finditer(everything):
        text.blank(match.start(), match.end())
    for match in _CODE.finditer(everything):  # MathJax's configuration: ['$$', '$$']
        text.blank(match.start(), match.end())
    for match in _INLINE_SCRIPT.finditer(everything):
        text.blank(match.start(), match.start(1))
        text.blank(match.end(1), match.end())
        text.chars[match.start(1) - 1] = text.chars[match.end(1)] = "$"
