"""A document as the reader sees it: its Text (the source with comments and code blanked, positions
kept), a Span of it, and a Display of mathematics found in it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# kramdown's inline math, $$x$$ in a line of text (not after "&nbsp;" that indents a display):
# two alternatives, the math in the first group that matched
KRAMDOWN_INLINE = r"(?<=[^\s$>])(?<!nbsp;)[ \t]*\$\$([^$\n]+)\$\$|\$\$([^$\n]+)\$\$(?=[ \t]*[^\s$])"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Text:
    """The document with every non-mathematical decoration blanked (same length)."""

    original: str
    chars: list[str]
    line_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Text:
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(text, list(text), starts)

    def blank(self, start: int, end: int) -> None:
        for pos in range(start, end):
            if self.chars[pos] != "\n":
                self.chars[pos] = " "

    def slice(self, start: int, end: int) -> str:
        return "".join(self.chars[start:end])

    def place(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, pos)
        return line, pos - self.line_starts[line - 1] + 1


@dataclass(frozen=True)
class Display:
    number: int
    start: int  # of the opening delimiter
    body: Span
    problem: str = ""
    lone: bool = False  # a paragraph of one ``$…$`` line read as a display
    said: bool = False  # a chain worked inside a sentence (its flags are withheld)


@dataclass(frozen=True)
class Relation:
    """An index condition ``left = right`` or ``left ≠ right`` the document states."""

    left: str
    equal: bool
    right: str

    def __str__(self) -> str:
        return f"{self.left} {'=' if self.equal else '≠'} {self.right}"
