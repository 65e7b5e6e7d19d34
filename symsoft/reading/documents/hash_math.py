"""AsciiMath between ``#`` signs, as Socratic's answers write it: ``#y^' =
(4e^(2x))/(e^(2x) + 1)^2#``, with ``color(red)(cancel(color(black)(e^x)))`` for a struck-out
factor.  In a text with no ``$`` that writes such a line, on each line that is one ``#…#`` (not
in a sentence: "a function of the form #y = f(x)/g(x)#"), the ``#`` signs, the colour wrappers
and the ``^`` of ``y^'`` become blanks, so the lines read as the plain
mathematics they are (plain_math.py); each wrapper's contents stay where they were.  A line that
crosses something out once is left as written (what is cancelled may be meant removed or
kept), and is not read; a factor crossed out in pairs is read as the page shows it.  Same
length: columns stay the file's."""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.lazy_regex import lazy

_HASH_LINE = lazy(r"^[ \t]*#(?![#\s])[^#\n]*=[^#\n]*#[ \t]*[.,;]?[ \t]*$", re.MULTILINE)
_HASH_SPAN = lazy(r"(?<![#\w])#(?![#\s])([^#\n]+)#(?![#\w])")
_WRAPPER = lazy(r"\b(?:color\s*\(\s*[a-z]+\s*\)|cancel|bb|text)\s*\(")


def _unwrapped(math: str) -> str:
    """``math`` with every ``color(x)(…)`` wrapper blanked around its contents, and ``^'``
    (a prime) written ``'``."""
    chars = list(math)
    for match in _WRAPPER.finditer(math):
        end = matching(math, match.end() - 1)
        if end < 0:
            continue  # unbalanced: left as written, and not read
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
        chars[end - 1] = " "
    return re.sub(r"\^(\s*)'", r"'\1 ", "".join(chars))


def spell_hash_math(text: str) -> str:
    """The text with its ``#…#`` mathematics as plain mathematics (see the module), or the
    text itself when it writes ``$`` or no line of ``#…#`` with an equation in it."""
    if "$" in text or not _HASH_LINE.search(text):
        return text
    return _HASH_LINE.sub(_line, text)


def _line(line: re.Match[str]) -> str:
    """A line of ``#…#`` read, unless it crosses something out once (``cancel(5)``: removed, or
    shown?); a factor crossed out in pairs (above and below a fraction) is read as shown."""
    cancelled = [_inside(line.group(), m.end() - 1) for m in _CANCEL.finditer(line.group())]
    if any(part is None or cancelled.count(part) % 2 for part in cancelled):
        return line.group()
    return _HASH_SPAN.sub(_blanked, line.group())


_CANCEL = lazy(r"\bcancel\s*\(")


def _inside(math: str, opening: int) -> str | None:
    """What the bracket at ``opening`` holds, or None when it is never closed."""
    end = matching(math, opening)
    return None if end < 0 else re.sub(r"\s+", "", math[opening + 1 : end - 1])


def _blanked(span: re.Match[str]) -> str:
    return " " + _unwrapped(span.group(1)) + " "
