"""Inline math that a hard-wrapped paragraph breaks over a few lines: ``… by the quotient rule,
$\\partial s_i/\\partial z_j = \\delta_{ij} e^{z_i}/Z - e^{z_i}`` ⏎ ``e^{z_j}/Z^2 = s_i(\\delta_{ij}
- s_j)$, which in matrix form is …``. Markdown and TeX read it as one formula; read line by line,
each half is cut off and the ``$`` of the second line opens a formula of words. The line break
inside such a formula is read as a space (its position kept: lines and columns are the file's).

Only where the first line ends inside an opened ``$`` that starts a formula (a ``$`` with no
blank after it) and a later line of the paragraph, at most five lines on, closes it first (a ``$``
with no blank before it, or a ``$`` alone on its line after a line of the formula), the first and
the last with an odd number of lone ``$`` (not ``$$``, not ``\\$``) and the lines between with
none, outside fenced code, and the formula holds a mark of mathematics (``\\``, ``^``, ``_`` or
``=``)."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_LONE_DOLLAR = lazy(r"(?<![\\$])\$(?!\$)")
_MATH_MARK = lazy(r"[\\^_=]")


_LINES = 6  # a formula wrapped over more lines than this is not joined


def join_wrapped_inline(text: Text) -> None:
    """Read the line breaks inside an inline formula broken over a few lines as spaces."""
    source = text.slice(0, len(text.chars))
    lines = source.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    fenced = False
    for number, line in enumerate(lines[:-1]):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        opened = list(_LONE_DOLLAR.finditer(line))
        if fenced or len(opened) % 2 == 0 or "$$" in line:
            continue
        start = opened[-1].end()
        if line[start : start + 1].isspace() or not line[start:].strip():
            continue  # "costs $5 and" is no formula
        formula = line[start:]
        for later in range(number + 1, min(number + _LINES, len(lines))):
            following = lines[later]
            if (
                not following.strip()
                or following.lstrip().startswith(_BLOCKS)
                or _ITEM.match(following)
            ):
                break
            closed = list(_LONE_DOLLAR.finditer(following))
            if "$$" in following or len(closed) % 2 == 0 and closed:
                break
            if not closed:
                formula += " " + following
                continue
            stop = closed[0].start()
            alone = following.strip() == "$"  # the closing dollar on a line of its own
            if not alone and (stop == 0 or following[stop - 1].isspace()):
                break
            if alone and later == number + 1:
                break  # "$x" then a lone "$": nothing of the formula on the second line
            if _MATH_MARK.search(formula + following[:stop]):
                for joined in range(number, later):
                    text.chars[starts[joined + 1] - 1] = " "
            break


_BLOCKS = ("#", "$$", "\\[", "|", ">", "```", "~~~")
_ITEM = lazy(r"\s*(?:[-*+]|\d+[.)])\s")  # a new item of a list
