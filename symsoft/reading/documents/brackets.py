"""Brackets of LaTeX text: where a group that opens at an offset closes, how deep each character
lies, and the first group a display leaves open."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Span, Text
from symsoft.reading.lazy_regex import lazy

_BRACKET = lazy(
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


def unclosed_group(text: Text, span: Span) -> tuple[str, int] | None:
    """The first ``{``, ``(`` or ``\\left`` of ``span`` that is never closed, and where it is
    (a display with one cannot be cut into steps; ``[`` is left alone, ``[0, 1)`` is fine)."""
    body = text.slice(span.start, span.end)
    open_at: dict[str, list[int]] = {"{": [], "(": [], "\\left": []}
    pos = 0
    while pos < len(body):
        char = body[pos]
        if char == "\\":
            word = re.match(r"\\(left|right)(?![a-zA-Z])", body[pos : pos + 7])
            if word and word.group(1) == "left":
                open_at["\\left"].append(pos)
            elif word and open_at["\\left"]:
                open_at["\\left"].pop()
            pos += len(word.group()) if word else 2
            continue
        if char in "{(":
            open_at[char].append(pos)
        elif char in "})":
            stack = open_at["{" if char == "}" else "("]
            if stack:
                stack.pop()
        pos += 1
    first = min(((at[0], name) for name, at in open_at.items() if at), default=None)
    if first is None:
        return None
    return first[1], span.start + first[0]


_ENV = lazy(r"\\(begin|end)\s*\{[^{}]*\}")


def split_top_level(text: str, separator: str) -> list[str]:
    """``text`` cut at each ``separator`` outside any group (``A = B = C`` at ``=``, the
    arguments ``a, (b, c)`` at ``,``)."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += (char in "{([") - (char in "})]")
        if char == separator and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    return [*parts, text[start:]]


def _top_level(text: str) -> list[int]:
    """For each character, 0 if it lies outside every group and environment, else > 0."""
    depth, levels, pos = 0, [0] * len(text), 0
    braces = paired_braces(text)
    while pos < len(text):
        env = _ENV.match(text, pos)
        if env:
            depth += 1 if env.group(1) == "begin" else -1
            for k in range(pos, env.end()):
                levels[k] = 1
            pos = env.end()
            continue
        char = text[pos]
        if char == "\\" and pos in braces:  # 1\{k = i\}: a set, its '=' no step
            depth += braces[pos]
            levels[pos] = levels[pos + 1] = depth + (1 if braces[pos] < 0 else 0)
            pos += 2
            continue
        if char == "\\" and pos + 1 < len(text):
            opens = text[pos + 1] in "{(["
            closes = text[pos + 1] in "})]"
            levels[pos] = levels[pos + 1] = depth + (1 if opens or closes else 0)
            pos += 2
            continue
        if char in "{([":
            depth += 1
        levels[pos] = depth
        if char in "})]":
            depth -= 1
            levels[pos] = depth + 1
        pos += 1
    return levels
