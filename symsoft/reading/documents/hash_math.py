"""AsciiMath between ``#`` signs, as Socratic's answers write it: ``#y^' =
(4e^(2x))/(e^(2x) + 1)^2#``, with ``color(red)(cancel(color(black)(e^x)))`` for a struck-out
factor.  In a text with no ``$`` that writes such a line, on each line that is one ``#…#`` (not
in a sentence: "a function of the form #y = f(x)/g(x)#"), the ``#`` signs, the colour and
cancel wrappers and the ``^`` of ``y^'`` become blanks, so the lines read as the plain
mathematics they are (plain_math.py); each wrapper's contents stay where they were.  A sign
that struck out a factor still shows the factor, as the page does.  Same length: columns stay
the file's."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_HASH_LINE = lazy(r"^[ \t]*#(?![#\s])[^#\n]*=[^#\n]*#[ \t]*[.,;]?[ \t]*$", re.MULTILINE)
_HASH_SPAN = lazy(r"(?<![#\w])#(?![#\s])([^#\n]+)#(?![#\w])")
_WRAPPER = lazy(r"\b(?:color\s*\(\s*[a-z]+\s*\)|cancel|bb|text)\s*\(")


def _unwrapped(math: str) -> str:
    """``math`` with every ``color(x)(…)`` and ``cancel(…)`` wrapper blanked around its
    contents, and ``^'`` (a prime) written ``'``."""
    chars = list(math)
    for match in _WRAPPER.finditer(math):
        depth, at = 0, match.end() - 1
        while at < len(math):
            depth += (math[at] == "(") - (math[at] == ")")
            if depth == 0:
                break
            at += 1
        if at >= len(math):
            continue  # unbalanced: left as written, and not read
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
        chars[at] = " "
    return re.sub(r"\^(\s*)'", r"'\1 ", "".join(chars))


def spell_hash_math(text: str) -> str:
    """The text with its ``#…#`` mathematics as plain mathematics (see the module), or the
    text itself when it writes ``$`` or no line of ``#…#`` with an equation in it."""
    if "$" in text or not _HASH_LINE.search(text):
        return text
    return _HASH_LINE.sub(lambda line: _HASH_SPAN.sub(_blanked, line.group()), text)


def _blanked(span: re.Match[str]) -> str:
    return " " + _unwrapped(span.group(1)) + " "
