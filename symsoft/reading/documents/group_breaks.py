"""A row break ``\\\\`` typed inside a brace group (``{e^{z_i} \\sum_j e^{z_j} \\\\ - (e^{z_i})^2
\\over …}``, a Korean post's long numerator): no row of anything, only where the author's
editor wrapped the line; blanked, as a space.  Rows of a matrix or an environment inside the
group (``\\frac{1}{\\begin{matrix} a \\\\ b \\end{matrix}}``) keep theirs: a break counts only
when the innermost open group around it is a brace.  A blank line or ``$$`` ends every group
(a brace left open in prose reaches no further)."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text

_TOKEN = re.compile(
    r"\\begin\b|\\end\b|\\\\|\\[{}]|(?:\\([a-zA-Z]+)[ \t]*+)?\{|\\.|\}|\n[ \t]*\n|\$\$"
)
# commands whose brace group has rows of its own: \displaylines{a \\ b}, \substack{…}
_ROWS = frozenset(
    "displaylines eqalign eqalignno leqalignno substack shortstack matrix pmatrix bmatrix cases"
    " array atop text mbox".split()
)


def blank_group_breaks(document: Text) -> None:
    """Blank every ``\\\\`` whose innermost open group is a brace (see the module)."""
    text = document.slice(0, len(document.chars))
    if "\\\\" not in text:
        return
    stack: list[str] = []
    for token in _TOKEN.finditer(text):
        mark = token.group()
        if mark.endswith("{") and not mark.startswith("\\{"):
            stack.append("env" if token.group(1) in _ROWS else "{")
        elif mark == "}":
            if stack and stack[-1] == "{":
                stack.pop()
        elif mark == "\\begin":
            stack.append("env")
        elif mark == "\\end":
            while stack and stack.pop() != "env":
                pass
        elif mark == "\\\\":
            if stack and stack[-1] == "{":
                document.blank(token.start(), token.end())
        elif mark == "$$" or mark.startswith("\n"):
            stack.clear()
        if len(stack) > 10_000:
            stack.clear()


__all__ = ["blank_group_breaks"]
