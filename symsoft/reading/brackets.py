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


def paired_braces(text: str) -> dict[int, int]:
    """The escaped braces ``\\{`` … ``\\}`` that close each other (``1\\{k = i\\}``, a set),
    +1 where one opens and -1 where it closes; a ``\\left\\{`` of cases, never closed, is
    not among them."""
    paired: dict[int, int] = {}
    opened: list[int] = []
    for match in re.finditer(r"(?<!\\)(?:\\\\)*\\([{}])", text):
        at = match.end() - 2
        if match.group(1) == "{":
            opened.append(at)
        elif opened:
            paired[opened.pop()] = 1
            paired[at] = -1
    return paired
