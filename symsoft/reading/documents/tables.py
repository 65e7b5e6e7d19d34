"""The cells of a Markdown table that hold math: a cheat sheet or a summary table writes its
steps so (``| **Derivative** | $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$ |``).

Only the finding is here: which ``$…$`` of a line is a whole cell, with the words of its
column's header, of the other headers and of the row's other cells, so that the reader can
tell a claimed step from a mention (a "Wrong" column, a row that names an index case)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.lazy_regex import lazy

# a table row: a line that starts with a pipe (GitHub's tables; a table without its leading
# pipe is left to the prose)
_ROW = lazy(r"^ {0,3}\|.*\|[ \t]*$")
_DELIMITER_CELL = lazy(r"\s*:?-{3,}:?\s*")
_CELL_MATH = lazy(r"\s*(?:\*\*)?\s*(?<![\\$])\$(?P<math>[^$]+)(?<!\\)\$\s*(?:\*\*)?\s*")


_INLINE = lazy(r"(?<![\\$])\$(?P<math>[^$\n]+)(?<![\\$])\$(?!\$)")
# an index case said in a cell: "$i = j$", "i ≠ j", "$j \neq i$"
_INDEX_CASE = lazy(r"(?<![A-Za-z\\])[a-z]\s*(?:=|\\neq?|\\not\s*=|≠|!=)\s*[a-z](?![A-Za-z])")
# words of a row or a column's header that name an index case ("Different index", "Same i, j"),
# or a class case ("correct class", "$k$ is the target", "otherwise")
_CASE_NAMES = lazy(
    r"(?i)\b(?:same|different|distinct|other|off|equal|unequal|identical|entr(?:y|ies)|"
    r"row|column|index|indices|correct|true|target|ground|otherwise|else|elsewhere)\b"
)
# the words of another column's header that make a table one of slips ("Wrong", "Mistake")
SLIP_WORDS = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|errors?|typos?|false|"
    r"na[iï]ve\w*|myths?|pitfalls?|fallac\w*|bug\w*|bad|instead|approx\w*|tempt\w*|guess\w*|"
    r"misconceptions?|flawed|before)\b"
)


@dataclass(frozen=True)
class Cell:
    start: int  # the offset in the line of the math, after its opening '$'
    end: int  # the offset of its closing '$'
    math: str
    header: str  # the header of its column
    headers: str  # the other headers
    others: str  # the row's other cells, as written


def _cells(line: str) -> list[tuple[int, int]]:
    """The spans of a row's cells, between pipes that are not escaped nor inside ``$…$``."""
    borders, math = [], False
    for pos, char in enumerate(line):
        if char == "$" and (pos == 0 or line[pos - 1] != "\\"):
            math = not math
        elif char == "|" and not math and (pos == 0 or line[pos - 1] != "\\"):
            borders.append(pos)
    if math or len(borders) < 2:
        return []
    return [(a + 1, b) for a, b in zip(borders, borders[1:], strict=False)]


def _delimiter(line: str) -> bool:
    cells = _cells(line)
    return bool(cells) and all(_DELIMITER_CELL.fullmatch(line[a:b]) for a, b in cells)


def table_cells(lines: list[str], number: int) -> list[Cell]:
    """The cells of line ``number`` that hold one ``$…$`` and nothing else (bold aside), when
    the line is a body row of a table (under its header and its ``|---|`` row)."""
    line = lines[number]
    if not _ROW.match(line) or _delimiter(line):
        return []
    above = number - 1
    while above >= 0 and _ROW.match(lines[above]) and not _delimiter(lines[above]):
        above -= 1
    if above < 1 or not _delimiter(lines[above]) or not _ROW.match(lines[above - 1]):
        return []
    header = lines[above - 1]
    titles = [header[a:b].strip() for a, b in _cells(header)]
    spans = _cells(line)
    found = []
    for column, (a, b) in enumerate(spans):
        match = _CELL_MATH.fullmatch(line, a, b)
        if match is None:
            continue
        others = " | ".join(line[c:d] for c, d in spans if (c, d) != (a, b))
        title = titles[column] if column < len(titles) else ""
        rest = " | ".join(t for n, t in enumerate(titles) if n != column)
        found.append(
            Cell(match.start("math"), match.end("math"), match["math"], title, rest, others)
        )
    return found


def claimed(cell: Cell, claims: Callable[[str], bool], words: tuple[re.Pattern, ...]) -> bool:
    """A cell claims its equation (``claims``: with a derivative) when nothing around it makes
    it a case (``diagonal``, ``$i = j$`` in its row or its column's header), a hypothesis or a
    mention (``words`` in its column's header or its row), or a slip (a "Wrong" column beside
    it)."""
    prose = _INLINE.sub(" ", cell.others)
    # the row's other cells, and its column's header: a column headed "$i \neq j$" is a case
    around = f"{cell.others} | {cell.header}"
    cases = [m["math"] for m in _INLINE.finditer(around)] + [prose, _INLINE.sub(" ", cell.header)]
    return (
        claims(cell.math)
        and not any(_INDEX_CASE.search(text) for text in cases)
        and not any(p.search(cell.header) or p.search(prose) for p in (*words, _CASE_NAMES))
        and not SLIP_WORDS.search(cell.headers)
    )
