"""A row break left out of an ``aligned`` block: a row that holds a relation, then a new source
line opened by ``&`` and another equation (``& e^{-t} = \\frac{1}{y} - 1 = \\frac{1-y}{y}`` ⏎
``& t = \\ln \\frac{y}{1-y}``, its ``\\\\`` forgotten). The ``&`` there starts a row: read as a
product (``\\frac{1-y}{y} t``) the step would be refuted for a slip of typesetting."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# "& t = …", "&\sigma(x) = …" opening a source line: a name (a few letters, scripts,
# a command and its group) then a relation
_OPENED = lazy(
    r"\n[ \t]*(&)(?=[ \t]*(?:\\(?!(?:text|mbox|textrm|mathrm|quad|qquad|hspace|,|;)\b)[A-Za-z]+)?"
    r"[A-Za-z{}_^()\s]{1,24}?(?<![<>!\\])=(?!=))"  # (not "& \text{since } p = …": a remark)
)


def lost_breaks(body: str, levels: list[int]) -> list[re.Match[str]]:
    """The ``&`` of each source line that opens a new equation after a row (since the last
    ``\\\\``) that holds a relation at the top level (see the module)."""
    found = []
    for match in _OPENED.finditer(body):
        start = match.start(1)
        row = body[body.rfind("\\\\", 0, start) + 1 : start]
        if levels[start] == 0 and re.search(r"(?<![<>!\\])=", row):
            found.append(match)
    return found
