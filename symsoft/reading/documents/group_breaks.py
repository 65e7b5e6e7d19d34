"""A row break ``\\\\`` typed inside a brace group (``{e^{z_i} \\sum_j e^{z_j} \\\\ - (e^{z_i})^2
\\over …}``, a Korean post's long numerator): no row of anything, only where the author's
editor wrapped the line; blanked, as a space.  Rows of a matrix or an environment inside the
group (``\\frac{1}{\\begin{matrix} a \\\\ b \\end{matrix}}``) keep theirs: a break counts only
when the innermost open group around it is a brace.  A blank line or ``$$`` ends every group
(a brace left open in prose reaches no further)."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text

_RELATION = re.compile(r"(?<![\\<>!:])=|\\(?:leq?|geq?|neq?|approx)(?![a-zA-Z])|[<>]")
_TOKEN = re.compile(
    r"\\begin\b|\\end\b|\\\\|\\[{}]|(?:\\([a-zA-Z]+)[ \t]*+)?\{|\\.|\}|\n[ \t]*\n|\$\$"
)
# commands whose brace group has rows of its own: \displaylines{a \\ b}, \substack{…}
_ROWS = frozenset(
    "displaylines eqalign eqalignno leqalignno substack shortstack matrix pmatrix bmatrix cases"
    " array atop text mbox".split()
)


def blank_group_breaks(document: Text) -> None:
    """Blank every ``\\\\`` of a brace group that is its innermost open group and writes no
    relation (see the module)."""
    text = document.slice(0, len(document.chars))
    if "\\\\" not in text:
        return
    stack: list[tuple[str, int, list[int]]] = []  # (brace, rows or env, where, its breaks)
    for token in _TOKEN.finditer(text):
        mark = token.group()
        if mark.endswith("{") and not mark.startswith("\\{"):
            stack.append(("rows" if token.group(1) in _ROWS else "brace", token.end(), []))
        elif mark == "}" and stack and stack[-1][0] != "env":
            kind, start, found = stack.pop()
            end = token.start()
            if found and kind == "brace" and end - start < _LONGEST:
                if not _RELATION.search(text, start, end):  # a wrapped line, not rows
                    for at in found:  # the break and its space, \\[2pt]
                        spacing = _SPACING.match(text, at + 2)
                        document.blank(at, spacing.end() if spacing else at + 2)
        elif mark == "\\begin":
            stack.append(("env", token.start(), []))
        elif mark == "\\end":
            while stack and stack.pop()[0] != "env":
                pass
        elif mark == "\\\\" and stack and stack[-1][0] == "brace":
            stack[-1][2].append(token.start())
        if mark == "$$" or mark.startswith("\n") or len(stack) > 10_000:
            stack.clear()


_SPACING = re.compile(r"\[\s*-?\d*\.?\d+\s*(?:pt|em|ex|mm|cm|in|mu|bp)\s*\]")
_LONGEST = 2000  # a longer group is left as it is written


_SUBSTACK = re.compile(r"\\substack\s*+\{")


def spell_substacks(document: Text) -> None:
    """``\\sum_{\\substack{j=1 \\\\ j \\neq i}}`` as ``\\sum_{j=1, j \\neq i}``: the rows of a
    sum's stacked conditions are its conditions joined by commas (same length: the command and
    its braces blanked, each ``\\\\`` a comma)."""
    text = document.slice(0, len(document.chars))
    for found in _SUBSTACK.finditer(text):
        depth, end = 1, found.end()
        while end < len(text) and depth and end - found.end() < 200:
            depth += {"{": 1, "}": -1}.get(text[end], 0) if text[end - 1] != "\\" else 0
            end += 1
        if depth or "$" in text[found.end() : end]:
            continue  # never closed within a subscript's length: left as written
        document.blank(found.start(), found.end())
        document.blank(end - 1, end)
        for row in re.finditer(r"\\\\", text[found.end() : end - 1]):
            at = found.end() + row.start()
            document.chars[at : at + 2] = [",", " "]


__all__ = ["blank_group_breaks", "spell_substacks"]
