r"""The derivatives of the ``physics`` package spelled as fractions, as the package prints them.

``\pdv{f}{x}`` is :math:`\partial f / \partial x`, ``\pdv{x}`` the operator
:math:`\partial / \partial x`, ``\pdv[2]{f}{x}`` the second derivative and ``\pdv{f}{x}{y}`` the
mixed one; ``\dv`` is the same with an upright d. ``\qty(…)`` and ``\qty[…]`` are brackets
sized to their content, ``\dd`` is the upright d. A document that defines one of these names
itself has its own meaning expanded first (macros.py), so only the package's is read here.

>>> physics_spelled(r"\pdv{S_i}{a_j} = \qty(\pdv{a_j}) S_i")
'\\frac{\\partial S_i}{\\partial a_j} = (\\frac{\\partial}{\\partial a_j}) S_i'
>>> physics_spelled(r"\dv[2]{\sigma}{x}")
'\\frac{d^{2} \\sigma}{d x^{2}}'
"""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.grammar.diagnostics import MAX_CLAIM_LENGTH
from symsoft.reading.lazy_regex import lazy

_COMMAND = lazy(r"\\(pdv|dv|qty|dd)(?![a-zA-Z])")
_ORDER = lazy(r"\s*\[\s*(\d)\s*\]")
_LONGEST = 100_000  # characters: the spelled text, bounded like the document's own macros


def _groups(text: str, at: int, most: int) -> tuple[list[str], int]:
    """Up to ``most`` braced groups written from ``at`` on, and where the last one ends."""
    found: list[str] = []
    while len(found) < most:
        start = at
        while start < len(text) and text[start] in " \t\n":
            start += 1
        if start >= len(text) or text[start] != "{":
            break
        end = matching(text, start)
        if end < 0 or text[end - 1] != "}":
            break
        found.append(text[start + 1 : end - 1].strip())
        at = end
    return found, at


def _fraction(d: str, order: str, groups: list[str]) -> str:
    power = f"^{{{order}}}" if order else ""
    if len(groups) == 1:  # \pdv{x}: the operator
        return rf"\frac{{{d}{power}}}{{{d} {groups[0]}{power}}}"
    if len(groups) == 2:
        return rf"\frac{{{d}{power} {groups[0]}}}{{{d} {groups[1]}{power}}}"
    # \pdv{f}{x}{y}: the mixed derivative, by y then by x
    return rf"\frac{{{d}^{{2}} {groups[0]}}}{{{d} {groups[1]} {d} {groups[2]}}}"


# d/dx written with a slash, in parentheses or not, before a parenthesized group (never dy/dx)
_SLASHED_D = lazy(
    r"(?<![A-Za-z\\])(?:\(\s*d\s*/\s*d\s*([a-z])\s*\)|d\s*/\s*d\s*([a-z])(?![A-Za-z])"
    # (\frac{d}{dx})(…): the operator in parentheses (plain text's (d/dx) once translated)
    r"|\(\s*\\frac\s*\{\s*d\s*\}\s*\{\s*d\s*([a-z])\s*\}\s*\))"
    r"(?=\s*(?:\\left\s*)?\()"
)


def _slashed(text: str, found: re.Match[str]) -> str:
    """``\\frac{d}{dx}`` for a slashed d/dx whose group ends its term (``d/dx (x^2)(x + 1)``,
    the operator on the first group or on the product?, is left as written: not read)."""
    close = matching(text, _SPACES.match(text, found.end()).end())
    if close > 0 and (power := _POWER.match(text, close)):  # d/dt (1 + e^{-t})^{-1}
        close = power.end()
    if close < 0 or not _TERM_END.match(text, close):
        return found.group()
    return rf"\frac{{d}}{{d{found[1] or found[2] or found[3]}}}"


_SPACES = lazy(r"\s*")
_POWER = lazy(r"\s*\^\s*(?:\{[^{}]*\}|[-\w])")
_TERM_END = lazy(r"\s*(?:$|[-+=,.;)\]}&]|\\right(?![a-zA-Z])|\\\\|\\[lg]eq?(?![a-zA-Z]))")


def physics_spelled(text: str) -> str:
    """``text`` with the physics package's derivatives, brackets and d spelled out; a
    ``\\pdv`` without a braced argument is left as written (the reader says it is unknown)."""
    if len(text) > MAX_CLAIM_LENGTH:
        return text  # the reader refuses a side this long anyway (MAX_CLAIM_LENGTH)
    if "/" in text or "(\\frac" in text:  # (d/dx)(e^{2x} + 1): the operator on its group
        text = _SLASHED_D.sub(lambda m: _slashed(text, m), text)
    for _ in range(4):  # \pdv{\pdv{f}{x}}{y}: the inner one on the next pass
        if "\\" not in text or _COMMAND.search(text) is None:
            break
        spelled = _spelled_once(text)
        if spelled == text:
            break
        text = spelled
    return text


def _spelled_once(text: str) -> str:
    out, at, length = [], 0, 0
    for found in _COMMAND.finditer(text):
        if found.start() < at:
            continue
        name, after = found.group(1), found.end()
        if name == "qty":
            replacement = "" if re.match(r"\s*[(\[]", text[after:]) else None
        elif name == "dd":
            replacement = "d "
        else:
            order = _ORDER.match(text, after)
            start = order.end() if order else after
            groups, end = _groups(text, start, 3)
            if not groups or (len(groups) == 3 and order):
                continue
            d = r"\partial" if name == "pdv" else "d"
            replacement = _fraction(d, order.group(1) if order else "", groups)
            after = end
        if replacement is None:
            continue
        out.append(text[at : found.start()] + replacement)
        length += len(out[-1])
        at = after
        if length > _LONGEST:
            return text
    return "".join(out) + text[at:]
