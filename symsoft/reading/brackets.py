"""Brackets of LaTeX text: where a group that opens at an offset closes."""

from __future__ import annotations

import re

_BRACKET = re.compile(
    r"\\left(?![a-zA-Z])\s*(?:\\[{}]|.)|\\right(?![a-zA-Z])\s*(?:\\[{}]|.)"
    r"|\\[bB]igg?[lr]?(?![a-zA-Z])\s*[()\[\]]|\\[{}]|\\[a-zA-Z]+|\\.|[{}()\[\]]"
)


def matching(text: str, start: int) -> int:
    """The offset just after the group opened at ``text[start]`` (``{``, ``(``, ``[``, or a
    ``\\left``/``\\big`` opener), or -1 when it is never closed.

    >>> matching(r"{a{b}}c", 0), matching(r"\\left( x \\right) y", 0)
    (6, 16)
    """
    depth = 0
    for match in _BRACKET.finditer(text, start):
        token = match.group()
        if token.startswith("\\left") or token == "\\{":
            depth += 1
        elif token.startswith("\\right") or token == "\\}":
            depth -= 1
        elif token.startswith("\\"):
            if token[-1] in "([":
                depth += 1
            elif token[-1] in ")]":
                depth -= 1
            else:
                continue
        elif token in "{([":
            depth += 1
        else:
            depth -= 1
        if depth == 0:
            return match.end()
        if depth < 0:
            return -1
    return -1
