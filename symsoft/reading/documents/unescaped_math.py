"""MathJax's delimiters lost to Markdown: ``\\[ … \\]`` and ``\\( … \\)`` written in a Markdown
source are escapes of ``[`` and ``(``, so the page (and a copy of it) shows ``[ \\sigma(x) =
\\frac{1}{1 + e^{-x}} ]`` on a line and ``(\\sigma(-x) = 1 - \\sigma(x))`` in a sentence.

In a text that writes no ``$`` and no ``\\[``, ``\\(`` or environment, and writes at least
one line that is such a bracket alone (a display: the sign of a page whose delimiters were lost;
without one, parentheses are left to the plain-text reading), a bracket ``[ … ]``
opened and closed by a space, and a parenthesis whose contents start with a command
(``(\\sigma…)``, ``(x \\to …``: a command inside, and a relation or script), each on one
line and balanced, become ``$ … $``: same length, so columns stay the file's.  A parenthesis of
words (``(logistic function)``) or of plain letters (``(0, 1)``) stays prose.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.image_math import spell_image_math
from symsoft.reading.lazy_regex import lazy

_DELIMITED = lazy(r"\$|\\\[|\\\(|\\begin\s*\{")
_OPENING = lazy(r"(?<![\\\w\]])\[ |(?<![\\\w])\((?=\s*\\[A-Za-z]|[^()\n]{0,30}\\[A-Za-z])")
_COMMAND = lazy(r"\\[A-Za-z]+")
_DISPLAY_LINE = lazy(r"^[ \t]*\[ [^\n]*\\[A-Za-z][^\n]* \][ \t]*$", re.MULTILINE)
_MATH_SIGN = lazy(r"[=_^<>]|\\(?:in|to|approx|leq?|geq?|neq?|frac|sum|partial)(?![A-Za-z])")
_PROSE = lazy(r"(?<![\\A-Za-z])[A-Za-z]{4,}")  # a word of four letters not after a backslash


def spell_unescaped_math(text: str) -> str:
    """``text`` with its escaped-away MathJax delimiters as ``$`` (see the module), or the text
    itself when it delimits mathematics in any way; first, formulas drawn as images as ``$…$``
    (image_math.py)."""
    text = spell_image_math(text)
    if _DELIMITED.search(text) or not _DISPLAY_LINE.search(text):
        return text  # (no "[ … ]" display line: parentheses alone are left to plain text)
    chars, pos = list(text), 0
    while (opening := _OPENING.search(text, pos)) is not None:
        start = opening.start()
        end = matching(text, start)
        inner = text[start + 1 : end - 1] if end > 0 else ""
        pos = start + 1
        if end < 0 or "\n" in inner or not _is_math(inner):
            continue
        if text[start] == "[" and not text[end - 2 : end] == " ]":
            continue  # [ … ] as MathJax's \[ … \]: a space on each side
        chars[start], chars[end - 1] = "$", "$"
        pos = end
    return "".join(chars)


def _is_math(inner: str) -> bool:
    """Whether a group's contents are a formula: a command and a relation or script in them,
    and no word of prose outside a command (``\\text{…}`` aside)."""
    bare = _COMMAND.sub(" ", inner)
    return bool(_COMMAND.search(inner) and _MATH_SIGN.search(inner)) and not _PROSE.search(bare)
